/**
 * Cross-site scripting payloads for the widget's rendering tests,
 * written for this project: script tags, event handler attributes,
 * `javascript:` and `data:` URLs, SVG and MathML, encoded forms,
 * template and CSS injection, bidirectional and invisible characters,
 * markup that breaks out of attributes and raw-text elements, and very
 * long strings. Each payload that ran would call `__xss()` (or open a
 * dialog), which the tests count.
 *
 * No payload holds a control character other than tab, line feed and
 * carriage return: the server refuses those before anything renders.
 */

/** One payload and the family it belongs to. */
export interface XssPayload {
  kind: string;
  text: string;
}

const RUN = '__xss()';

const scriptTags = [
  `<script>${RUN}</script>`,
  `<SCRIPT>${RUN}</SCRIPT>`,
  `<script type="module">${RUN}</script>`,
  `<script src="data:text/javascript,${RUN}"></script>`,
  `<script/src=data:,${RUN}></script>`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<script>/*</script><script>*/${RUN}</script>`,
  `<<script>${RUN}//<</script>`,
  `<script\n>${RUN}</script\n>`,
  `<script\t>${RUN}</script\t>`,
  `</script><script>${RUN}</script>`,
  `<script>document.write('<img src=x onerror=${RUN}>')</script>`,
  `<script>setTimeout('${RUN}')</script>`,
  `<script>eval(atob('X194c3MoKQ=='))</script>`,
  `<script>new Function('${RUN}')()</script>`,
  `<script>import('data:text/javascript,${RUN}')</script>`,
  `<script>location='javascript:${RUN}'</script>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<xmp><script>${RUN}</script></xmp>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>"></noscript>`,
];

/** `<tag attributes` that fire the handler written after them. */
const handlerHosts = [
  'img src=x onerror',
  'img src onerror',
  'image src=x onerror',
  'svg onload',
  'body onload',
  'body onpageshow',
  'iframe onload',
  'input autofocus onfocus',
  'select autofocus onfocus',
  'textarea autofocus onfocus',
  'button autofocus onfocus',
  'details open ontoggle',
  'video src=x onerror',
  'audio src=x onerror',
  'marquee onstart',
  'object data=x onerror',
  'style onload',
  'link rel=stylesheet href=x onerror',
  'input type=image src=x onerror',
  'div tabindex=0 autofocus onfocusin',
  'div style="animation-name:spin" onanimationstart',
  'div onpointerover',
  'a href=# onclick',
  'form onsubmit',
  'x contenteditable autofocus onblur',
  'frameset onload',
];

const eventHandlers = handlerHosts.flatMap((host) => [
  `<${host}="${RUN}">`,
  `<${host}=${RUN}>`,
  `<${host.replace(/ /g, '/')}='${RUN}'>`,
]);

/** Values that run script where a URL is expected. */
const scriptUrls = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `java\tscript:${RUN}`,
  `java\nscript:${RUN}`,
  `javascript&colon;${RUN}`,
  `&#106;avascript:${RUN}`,
  `&#x6A;&#x61;vascript:${RUN}`,
  `javas&#99;ript:${RUN}`,
  `javascript%3A${RUN}`,
  `javascript://%0a${RUN}`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>parent.${RUN}</script>`,
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoKTwvc2NyaXB0Pg==',
];

const urlSinks = [
  (u: string) => `<a href="${u}">open</a>`,
  (u: string) => `<iframe src="${u}"></iframe>`,
  (u: string) => `<form action="${u}"><button>go</button></form>`,
  (u: string) => `[click here](${u})`,
  (u: string) => u,
];

const urls = scriptUrls.flatMap((u) => urlSinks.map((sink) => sink(u)));

const moreUrlSinks = [
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<button formaction="javascript:${RUN}">go</button>`,
  `<math href="javascript:${RUN}">click</math>`,
  `<svg><a xlink:href="javascript:${RUN}"><text y="20">x</text></a></svg>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<isindex action="javascript:${RUN}" type="image">`,
];

const svgAndMath = [
  `<svg><script>${RUN}</script></svg>`,
  `<svg><script href="data:,${RUN}"/></svg>`,
  `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"/></svg>`,
  `<svg><set onbegin="${RUN}" attributeName="x" to="1"/></svg>`,
  `<svg><foreignObject><img src=x onerror="${RUN}"></foreignObject></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' onload='${RUN}'/>#x"/>`,
  `<svg><style>&lt;img src=x onerror=${RUN}&gt;</style></svg>`,
  `<svg><![CDATA[><img src=x onerror=${RUN}>]]></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<math><maction actiontype="statusline" onclick="${RUN}">x</maction></math>`,
  `<math><mi xlink:href="javascript:${RUN}">x</mi></math>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${RUN}"/>`,
];

/** A few payloads, then written in every encoding below. */
const encodedBases = [
  `<script>${RUN}</script>`,
  `<img src=x onerror=${RUN}>`,
  `"><svg onload=${RUN}>`,
  `javascript:${RUN}`,
];

const encoders: [string, (s: string) => string][] = [
  [
    'decimal entities',
    (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(''),
  ],
  [
    'hex entities',
    (s) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join(''),
  ],
  [
    'named entities',
    (s) =>
      s.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  ],
  [
    'percent',
    (s) =>
      [...s]
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
  ],
  ['double percent', (s) => encodeURIComponent(encodeURIComponent(s))],
  [
    'js unicode escapes',
    (s) =>
      s.replace(
        /[<>"'()]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
  ],
  ['json', (s) => JSON.stringify(s)],
  ['base64', (s) => btoa(s)],
  [
    'utf-7',
    (s) =>
      s.replace(/</g, '+ADw-').replace(/>/g, '+AD4-').replace(/"/g, '+ACI-'),
  ],
  [
    'fullwidth',
    (s) =>
      s.replace(/[<>"'=()]/g, (c) =>
        String.fromCodePoint(c.charCodeAt(0) + 0xfee0),
      ),
  ],
];

const encoded = encodedBases.flatMap((base) =>
  encoders.map(([name, encode]) => ({
    kind: `encoded: ${name}`,
    text: encode(base),
  })),
);

const templates = [
  `\${${RUN}}`,
  `{{${RUN}}}`,
  `{{constructor.constructor('${RUN}')()}}`,
  `{{{${RUN}}}}`,
  `<%= ${RUN} %>`,
  `#{${RUN}}`,
  `\${{${RUN}}}`,
  `[[\${${RUN}}]]`,
  `{% ${RUN} %}`,
  `@{${RUN}}`,
  `\`\${${RUN}}\``,
  `'+${RUN}+'`,
  `";${RUN};//`,
  `\\";${RUN};//`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a payload, kept literal.
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '<!--?lit$123456789$-->',
  'lit$123456789$',
  '?lit$0$',
  `<?lit$1$><img src=x onerror=${RUN}>`,
  `<template><img src=x onerror=${RUN}></template>`,
  `<div v-html="'<img src=x onerror=${RUN}>'"></div>`,
  `<div ng-app>{{$on.constructor('${RUN}')()}}</div>`,
];

const styleInjection = [
  `<style>*{background:url("javascript:${RUN}")}</style>`,
  `<style>@import 'data:,*{x:expression(${RUN})}';</style>`,
  `<div style="background-image:url(javascript:${RUN})">x</div>`,
  `<div style="width:expression(${RUN})">x</div>`,
  `<style>body{-moz-binding:url("data:,${RUN}")}</style>`,
  `</style><script>${RUN}</script>`,
  `<link rel="stylesheet" href="data:,*%7bx:expression(${RUN})%7d">`,
  `<style>@keyframes spin{}</style><div style="animation-name:spin" onanimationstart="${RUN}"></div>`,
  ':host { display: none !important }',
  '} * { display: none } {',
  '--ticket-color: transparent; } :host { visibility: hidden',
  `<style><img src=x onerror=${RUN}></style>`,
  `" style="position:fixed;inset:0;background:red" onclick="${RUN}`,
];

const invisible = [
  'Invoice \u202Efdp.exe',
  'admin\u202E@example.com',
  '\u2067right to left\u2069 isolated',
  '\u202Bembedded \u202Aleft\u202C text\u202C',
  '\u200E\u200F\u061C marks',
  `\u200B<script>${RUN}</script>`,
  `<scr\u200Bipt>${RUN}</scr\u200Bipt>`,
  '\uFEFFbyte order mark',
  `line\u2028separator\u2029${RUN}`,
  'Z\u0351\u0352\u0353a\u0354\u0355l\u0356\u0357g\u0358o',
  'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  'https://ex\u0430mple.com/login',
  '\u202Ehttps://evil.test/moc.elpmaxe',
  'مرحبا <b>bold</b> שלום',
  '\u{E0041}\u{E0042} tag characters',
];

const breakouts = [
  '"><PAYLOAD>',
  "'><PAYLOAD>",
  '</textarea><PAYLOAD>',
  '</title><PAYLOAD>',
  '--><PAYLOAD>',
  ']]><PAYLOAD>',
  '</option></select><PAYLOAD>',
  '</p></div></li></ol><PAYLOAD>',
].map((wrap) => wrap.replace('PAYLOAD', `img src=x onerror=${RUN}`));

const attributeBreakouts = [
  `" autofocus onfocus="${RUN}`,
  `' onmouseover='${RUN}`,
  `\` onerror=${RUN} \``,
  `x" onerror="${RUN}" src="x`,
  `<img src="x\` \`<script>${RUN}</script>"\`>`,
  `<img """><script>${RUN}</script>">`,
];

const rawText = [
  `<textarea><img src=x onerror=${RUN}></textarea>`,
  `<title><img src=x onerror=${RUN}></title>`,
  `<noembed><img title="</noembed><img src=x onerror=${RUN}>"></noembed>`,
  `<listing>&lt;img src=x onerror=${RUN}&gt;</listing>`,
  `<plaintext><img src=x onerror=${RUN}>`,
  `<!--<img src="--><img src=x onerror=${RUN}//">`,
  `<![CDATA[<img src=x onerror=${RUN}>]]>`,
  `<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">${RUN}</x:script>`,
  `<iframe src="about:blank" onload="${RUN}"></iframe>`,
  `<portal src="data:text/html,<script>${RUN}</script>"></portal>`,
  `<object type="text/html" data="data:text/html,<script>${RUN}</script>"></object>`,
  `<dialog open onclose="${RUN}"><form method=dialog><button>x</button></form></dialog>`,
];

const clobbering = [
  '<a id="__xss" href="https://example.com">x</a>',
  '<form name="getElementById"></form>',
  '<img name="cookie">',
  '<input id="attributes">',
  '<form id="location" action="https://evil.test"></form>',
  '<a id="defaultView"></a><a id="defaultView" name="alert" href="x"></a>',
];

const links = [
  `https://example.com/?q=<script>${RUN}</script>`,
  `https://example.com/"onmouseover="${RUN}`,
  `https://example.com/'><svg onload=${RUN}>`,
  `https://javascript:${RUN}@evil.test/`,
  `http://example.com/#javascript:${RUN}`,
  'https://example.com/\u202Etxt.exe',
  `https://example.com/path(with)parens).`,
  `(https://example.com/a), https://example.com/b; "https://example.com/c"`,
  `blob:https://example.com/uuid javascript:${RUN}`,
  `HTTPS://EXAMPLE.COM/UPPER <a href=javascript:${RUN}>x</a>`,
];

const long = [
  'A'.repeat(20_000),
  '<script>'.repeat(2_500),
  `<img src=x onerror=${RUN}>`.repeat(700),
  `https://example.com/${'a'.repeat(19_000)}`,
  `${'<div>'.repeat(3_000)}<img src=x onerror=${RUN}>`,
  `\u202E${'x'.repeat(5_000)}`,
  `${'&amp;'.repeat(3_000)}<svg onload=${RUN}>`,
];

const plain = (kind: string, list: readonly string[]) =>
  list.map((text) => ({ kind, text }));

/** Every payload, each text once. */
export const XSS_PAYLOADS: readonly XssPayload[] = dedupe([
  ...plain('script tag', scriptTags),
  ...plain('event handler', eventHandlers),
  ...plain('script URL', urls),
  ...plain('script URL', moreUrlSinks),
  ...plain('SVG and MathML', svgAndMath),
  ...encoded,
  ...plain('template injection', templates),
  ...plain('CSS injection', styleInjection),
  ...plain('bidirectional and invisible', invisible),
  ...plain('element breakout', breakouts),
  ...plain('attribute breakout', attributeBreakouts),
  ...plain('raw text and embedding', rawText),
  ...plain('DOM clobbering', clobbering),
  ...plain('link', links),
  ...plain('very long', long),
]);

function dedupe(list: XssPayload[]): XssPayload[] {
  const seen = new Set<string>();
  return list.filter(({ text }) => !seen.has(text) && seen.add(text));
}
