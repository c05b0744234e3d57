import type { AssistantCatalog } from './en.js';

/** The assistant's replies in Japanese. */
export const ja: AssistantCatalog = {
  yes: 'はい',
  no: 'いいえ',
  handover:
    'この件は私では解決できないため、担当者に引き継ぎます。その前にいくつか質問させてください。',
  handoverForm:
    'この件は私では解決できません。担当者への連絡にはフォームをご利用ください。',
  glad: 'お役に立ててよかったです。ほかに何かありますか?',
  error:
    'こちらで問題が発生しました。もう一度お試しいただくか、フォームをご利用ください。',
  articles: '次の記事が役に立つかもしれません:',
  solvedQuestion: 'いずれかで解決しましたか?',
  yesSolved: 'はい、解決しました',
  stillNeedHelp: 'いいえ、まだ助けが必要です',
  notSure:
    'うまく理解できなかったかもしれません。次のことならお手伝いできます。担当者向けのチケットを作成することもできます:',
  talkToPerson: '担当者と話す',
  'flow.ticket-status': 'チケットの状況',
  'flow.password-reset': 'パスワードの再設定',
  'flow.opening-hours': '営業時間',
  'flow.collect-ticket': 'チケットを作成',
  resetOffer: 'パスワードはこちらのページでご自身で再設定できます:',
  resetLabel: 'パスワードを再設定する',
  resetCheck: 'うまくいきましたか?',
  resetSolved: 'うまくいってよかったです。',
  answerYesNo: '「はい」か「いいえ」でお答えください。',
  askRef:
    'チケットの参照番号を教えてください。T-1042 のような形式で、受け取った確認メールに記載されています。',
  notShown:
    'ここでお見せできるチケット {ref} は見つかりませんでした。プライバシー保護のため、チケットは依頼者本人にのみ表示します。「マイリクエスト」から開くか、先にサイトにサインインしてください。',
  latest: '最近のリクエスト:',
  noRequests:
    'まだリクエストはありません。問題があれば、何が起きたかをお知らせください。',
  statusLine: '{ref}「{subject}」: {status}({date} 更新)',
  lookupFailed:
    '現在確認できませんでした。しばらくしてからもう一度お試しください。',
  alwaysOpen: '24時間営業しています。',
  everyDay: '毎日24時間。',
  closedDay: '休業',
  openUntil: '現在営業中です。{until}まで営業しています({zone} 時間)。',
  closedUntil: '現在は営業時間外です。次の営業開始は{from}です({zone} 時間)。',
  closedWeeks: '今後3週間は休業です({zone})。',
  closedOn: '休業日: {days}。',
  askSubject: '問題を一行で教えてください。',
  askDescription:
    '詳しく教えてください。何が起きたか、いつからか、何を試したか。',
  askDetails:
    '補足はありますか?いつからか、何を試したかなど。スキップもできます。',
  askEmail: 'どのメールアドレスに返信すればよいですか?',
  askChoice: 'どれが最も当てはまりますか?',
  askField: '{label}を教えてください。',
  askDate: '日付は YYYY-MM-DD の形式で入力してください。',
  chooseOne: '選択肢から一つ選んでください。',
  skip: 'スキップ',
  tryAgain: 'もう一度お試しください。',
  confirm:
    '「{subject}」についてチケットを作成しますか?この会話も添付されます。',
  openTicket: 'チケットを作成する',
  cancel: 'キャンセル',
  cancelled: 'わかりました。何も送信していません。',
  invalidTicket:
    'チケットを作成できませんでした({error})。代わりにフォームをご利用ください。',
  created:
    'チケット {ref} を作成し、この会話を添付しました。担当者がそちらで回答します。',
  createFailed:
    'チケットを作成できませんでした: {error}。フォームをお試しください。',
  invalidEmail:
    '使用できるメールアドレスではありません。name@example.com のように入力してください。',
  answerEmpty: '回答を入力してください。',
  answerTooLong: '長すぎます。{max} 文字以内で入力してください。',
  answerControl:
    '受け付けられない文字が含まれています。もう一度入力してください。',
  mustBeYes: 'チケットを作成するには「はい」が必要です。',
  aboutField: '{label}：{message}',
  switching: '先にそちらにお答えします（{flow}）。',
  resume: 'では、先ほどの質問に戻ります：',
  offerSwitch:
    '別のご用件（{flow}）のようです。先にそちらにお答えしましょうか？これまでの回答はそのまま残ります。',
  switchYes: 'はい、先にそちらを',
  switchNo: 'いいえ、これが回答です',
};
