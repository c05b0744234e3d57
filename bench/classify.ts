/**
 * Ticket classification on data/it-service-tickets-text: our softmax
 * regression on TF-IDF words against a plain multinomial naive Bayes,
 * same split (per label, the first 175 rows by row_in_source to train,
 * the last 75 to test), same run.
 */
import {
  calibrationError,
  classifierAccuracy,
  createTextClassifier,
  macroF1,
  precisionAtCoverage,
  type ScoredPrediction,
} from '@ticketry/core';
import {
  splitTicketTexts,
  type TicketTextRow,
} from '../packages/core/src/classify/ticket-texts.ts';
import { trainNaiveBayes } from './classify-baseline.ts';
import type { BenchFigure, BenchSectionRun } from './types.ts';
import { figure } from './util.ts';

type Classify = (text: string) => { label: string | null; confidence: number };

const NB = 'multinomial naive Bayes';

function score(classify: Classify, rows: TicketTextRow[]): ScoredPrediction[] {
  return rows.map((r) => {
    const c = classify(r.text);
    return { actual: r.label, predicted: c.label, confidence: c.confidence };
  });
}

/** A quality figure in percent: one value each (the split is fixed). */
function quality(
  name: string,
  ours: number,
  nb: number,
  atLeast?: number,
): BenchFigure {
  return figure({
    name,
    unit: '%',
    samples: [ours * 100],
    baseline: { name: NB, samples: [nb * 100] },
    ...(atLeast !== undefined && {
      target: {
        kind: 'at-least',
        value: atLeast * 100,
        text: `≥ ${atLeast * 100} %`,
      },
    }),
  });
}

/** Training times in ms over `repeats` fits of each model, interleaved. */
function trainingTimes(train: TicketTextRow[], repeats: number) {
  const ours: number[] = [];
  const nb: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let started = performance.now();
    createTextClassifier().train(train);
    ours.push(performance.now() - started);
    started = performance.now();
    trainNaiveBayes(train);
    nb.push(performance.now() - started);
  }
  return { ours, nb };
}

/**
 * Incremental training in arrival order (row_in_source): fit on the
 * older half, then `learn` the newer half one ticket at a time.
 */
function incremental(train: TicketTextRow[], test: TicketTextRow[]) {
  const order = [...train].sort((a, b) => a.row - b.row);
  const half = order.length / 2;
  const model = createTextClassifier();
  model.train(order.slice(0, half));
  const before = classifierAccuracy(score(model.classify, test));
  const started = performance.now();
  for (const r of order.slice(half)) model.learn(r.text, r.label);
  const microsEach = ((performance.now() - started) * 1000) / half;
  const after = classifierAccuracy(score(model.classify, test));
  return { before, after, microsEach };
}

export const run: BenchSectionRun = async (ctx) => {
  const { train, test } = splitTicketTexts();
  ctx.progress(
    `classify: ${train.length} training, ${test.length} test tickets`,
  );
  const model = createTextClassifier();
  model.train(train);
  const nb = trainNaiveBayes(train);
  const ours = score(model.classify, test);
  const base = score(nb.classify, test);

  const figures: BenchFigure[] = [
    quality(
      'accuracy on the later tickets',
      classifierAccuracy(ours),
      classifierAccuracy(base),
      0.78,
    ),
    quality('macro-F1', macroF1(ours), macroF1(base)),
  ];
  for (const coverage of [0.25, 0.5, 0.75, 1]) {
    figures.push(
      quality(
        `precision on the most confident ${coverage * 100}%`,
        precisionAtCoverage(ours, coverage),
        precisionAtCoverage(base, coverage),
        coverage === 0.5 ? 0.9 : undefined,
      ),
    );
  }
  const ece = figure({
    name: 'calibration error (ECE, 10 bins; lower is better)',
    unit: '%',
    samples: [calibrationError(ours) * 100],
    baseline: { name: NB, samples: [calibrationError(base) * 100] },
  });
  ctx.progress('classify: training times');
  const times = trainingTimes(train, ctx.quick ? 2 : 7);
  const inc = incremental(train, test);
  figures.push(
    ece,
    figure({
      name: `training on ${train.length} tickets`,
      unit: 'ms',
      samples: times.ours,
      baseline: { name: NB, samples: times.nb },
    }),
    figure({
      name: 'accuracy after fitting the older half and learning the newer half one by one',
      unit: '%',
      samples: [inc.after * 100],
      baseline: {
        name: 'the fit on the older half alone',
        samples: [inc.before * 100],
      },
    }),
    figure({
      name: 'one incremental learn',
      unit: 'µs',
      samples: [inc.microsEach],
    }),
    figure({
      name: 'model saved as JSON',
      unit: 'KB',
      samples: [JSON.stringify(model.toJSON()).length / 1024],
    }),
  );
  return {
    title: 'Ticket classification',
    figures,
    notes: [
      'Data: data/it-service-tickets-text (8 labels × 250 rows, see data/README.md for credits). Per label, the first 175 rows by row_in_source train and the last 75 test, so the test tickets are later ones, as a desk would meet them.',
      'Ours: multinomial logistic regression (softmax) on sublinear TF-IDF word features, fitted in full batches with momentum and L2, probabilities calibrated by a temperature fitted on a held-out fifth; `learn` takes one gradient step per ticket.',
      `Baseline: ${NB} on word counts with add-one smoothing (bench/classify-baseline.ts), trained and tested on the same split in the same run.`,
      'Precision at coverage: accuracy on the share of test tickets the model is most confident about — what a desk gets if it applies only those and leaves the rest as suggestions.',
      'Incremental: tickets in arrival order (row_in_source); the older half is fitted, the newer half folded in by `learn` one at a time. A full retrain on everything gives the accuracy in the first row.',
      'Quality figures are single values (the split is fixed and training is deterministic); only the timings repeat.',
    ],
  };
};
