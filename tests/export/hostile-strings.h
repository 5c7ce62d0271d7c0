/* hostile-strings.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Shared by the HTML, PDF and browser tests, so every renderer faces the
 * same list. Static in a header so each test can take G_N_ELEMENTS(). */

/* The strings a profile, a review or a platform could hand us. */
static const char * const hostile[] G_GNUC_UNUSED = {
  "<script>alert(1)</script>",
  /* These would change the page if they ran, which a browser test sees. */
  "<script>document.title='PWNED'</script>",
  "<img src=x onerror=\"document.title='PWNED'\">",
  "<svg onload=\"document.body.setAttribute('data-pwned','1')\">",
  "</script><script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<<SCRIPT>alert(1);//<</SCRIPT>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "<img src=x onerror=alert(1)//",
  "\" onmouseover=\"alert(1)",
  "' onfocus='alert(1)' autofocus='",
  "x\" style=\"background:red",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\"https://good.example\" onclick=\"alert(1)\">link</a>",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "javascript://example.com/%0Aalert(1)",
  " javascript:alert(1)",
  "\x01javascript:alert(1)",
  "\tjava\tscript:alert(1)",
  "java\nscript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "http://example.com/",
  "//evil.example/x",
  "/relative/path",
  "https://evil.example/\"onmouseover=\"alert(1)",
  "https://good.example/path?q=<script>",
  "&lt;script&gt;",
  "&amp;&#x3C;&#60;",
  "< > & \" '",
  "<style>body{display:none}</style>",
  "</style><script>alert(1)</script>",
  "<!--",
  "-->",
  "<![CDATA[<script>]]>",
  "</title><script>alert(1)</script>",
  "</textarea><script>alert(1)</script>",
  "<iframe src=\"https://evil.example\"></iframe>",
  "<object data=x>",
  "<embed src=x>",
  "<link rel=stylesheet href=https://evil.example/x.css>",
  "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
  "<base href=https://evil.example/>",
  "<form action=https://evil.example><button>x</button></form>",
  "<svg><script>alert&#40;1&#41;</script>",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
  "expression(alert(1))",
  "url(https://evil.example/track.png)",
  "@import url(https://evil.example/x.css);",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "%3Cscript%3Ealert(1)%3C/script%3E",
  "\xe2\x80\xae" "gnp.exe",
  "abc\xe2\x80\xae" "def\xe2\x80\xac" "ghi",
  "\xe2\x81\xa6" "isolate\xe2\x81\xa9",
  "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d",
  "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7",
  "\xf0\x9f\x98\x80\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x92\xbb\xf0\x9f\x87\xab\xf0\x9f\x87\xb7",
  "\xff\xfe invalid",
  "\xc3\x28",
  "\xe2\x82",
  "\xf0\x28\x8c\xbc",
  "\xed\xa0\x80 surrogate",
  "\xc0\xbc overlong",
  "\x1b[31mred\x1b[0m",
  "\x7f\x08\x0c",
  "\xc2\x85 NEL \xc2\x9f",
  "\xef\xbf\xbe nonchar",
  "",
  "   ",
};
