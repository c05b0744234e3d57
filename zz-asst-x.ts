import { defaultIntentRecognizer } from './packages/core/src/assistant/default-intents.ts';
const r = defaultIntentRecognizer();
console.log('thr', r.threshold);
for (const t of ['whats the status of T-1005','I forgot my password for the portal','when do you open tomorrow','my monitor is broken','I want a human','hello','Passwort zurücksetzen']) { const x=r.recognize(t); console.log(t,'=>',x.intent,x.best,x.confidence.toFixed(2)); }
