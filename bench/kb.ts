/**
 * Knowledge base retrieval on real data: the BM25F index (stemmed,
 * stop words, field weights) against plain TF-IDF cosine, both built
 * in this run. Stack Exchange: each question's own answer among all
 * 251 answers (recall at 3, MRR). IT service tickets: how often the
 * three most similar other tickets share the ticket's label.
 */
import {
  bm25Ranker,
  type QaRow,
  qaRetrieval,
  readQaRows,
  tfidfRanker,
  ticketPrecisionAt3,
} from '../packages/core/src/kb/evaluate.ts';
import type { BenchFigure, BenchSectionRun } from './types.ts';
import { figure } from './util.ts';

const BASE = 'plain TF-IDF cosine';

function quality(
  name: string,
  ours: number,
  base: number,
  plus?: number,
): BenchFigure {
  return figure({
    name,
    unit: '',
    samples: [ours],
    baseline: { name: BASE, samples: [base] },
    ...(plus !== undefined && {
      target: {
        kind: 'at-least',
        value: base + plus,
        text: `≥ baseline + ${plus} (${(base + plus).toFixed(3)})`,
      },
    }),
  });
}

/** Milliseconds per query over one pass of a ranker. */
function perQuery(run: () => { queries: number }): number {
  const started = performance.now();
  const { queries } = run();
  return (performance.now() - started) / queries;
}

export const run: BenchSectionRun = async (ctx) => {
  ctx.progress('kb: Stack Exchange questions against answers');
  const ours = qaRetrieval(bm25Ranker);
  const base = qaRetrieval(tfidfRanker);
  const heldOut = (r: QaRow) => !r.train;
  const oursTest = qaRetrieval(bm25Ranker, readQaRows(), heldOut);
  const baseTest = qaRetrieval(tfidfRanker, readQaRows(), heldOut);
  ctx.progress('kb: IT service tickets, three most similar');
  const it = ticketPrecisionAt3(bm25Ranker);
  const itBase = ticketPrecisionAt3(tfidfRanker);
  const repeats = ctx.quick ? 1 : 3;
  const times: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    times.push(perQuery(() => qaRetrieval(bm25Ranker)));
    baseTimes.push(perQuery(() => qaRetrieval(tfidfRanker)));
  }
  return {
    title: 'Knowledge base suggestions',
    figures: [
      quality(
        'Stack Exchange: own answer in the top 3 (recall@3)',
        ours.recallAt3,
        base.recallAt3,
        0.05,
      ),
      quality(
        'Stack Exchange: mean reciprocal rank of the own answer',
        ours.mrr,
        base.mrr,
        0.05,
      ),
      quality(
        'Stack Exchange, 163 test-split questions only: recall@3',
        oursTest.recallAt3,
        baseTest.recallAt3,
        0.05,
      ),
      quality(
        'Stack Exchange, 163 test-split questions only: MRR',
        oursTest.mrr,
        baseTest.mrr,
        0.05,
      ),
      quality(
        'IT tickets: top-3 similar tickets sharing the label (precision@3)',
        it.precisionAt3,
        itBase.precisionAt3,
      ),
      figure({
        name: 'one Stack Exchange query, index built included',
        unit: 'ms',
        samples: times,
        baseline: { name: BASE, samples: baseTimes },
      }),
    ],
    notes: [
      "Data: data/support-qa-stackexchange (each question with a non-empty answer, 245, ranked against all 245 non-empty answers: the protocol data/README.md gives for the quoted figures; the test-split rows use the corpus authors' corpus_training_flag) and data/it-service-tickets-text (2,000 tickets, each ranked against the other 1,999). Credits in data/README.md.",
      'Ours: BM25F (k1 1.2; b 0.75 for bodies) over English light-stemmed words without stop words, versions such as 14.04 kept whole (packages/core/src/kb). k1 and b were checked on the 82 training-split questions only (grid k1 0.6–2.0 × b 0.3–0.9): the defaults scored best there, so they stay.',
      `Baseline: ${BASE} as toolkits default to it (words of two or more characters, raw counts × smoothed idf, unit length), built in the same run. Issue 10 quotes 0.547 recall@3 and 0.482 MRR for its TF-IDF baseline; no plain variant we tried (sublinear tf, stop words, unsmoothed idf, one-letter words, idf fitted on questions too, HTML answers) reaches it here (best 0.518 / 0.458), so the README gives both comparisons.`,
    ],
  };
};
