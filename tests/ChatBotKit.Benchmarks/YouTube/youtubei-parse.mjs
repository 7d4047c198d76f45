// youtubei.js parsing the same recorded get_live_chat pages as LiveChatParseBenchmarks, for the
// comparison docs/benchmarks.md records. Per page, what youtubei.js does with each get_live_chat
// answer: decode the UTF-8 body, JSON.parse it, Parser.parseResponse. youtubei.js is installed
// outside the repository:
//   npm install --prefix /tmp/ytbench-js youtubei.js@18.1.0
//   YOUTUBEI_DIR=/tmp/ytbench-js node tests/ChatBotKit.Benchmarks/YouTube/youtubei-parse.mjs [seconds per page]
// Each page is read as recorded (pretty-printed) and without its whitespace, as YouTube sends it to a
// client that asks for prettyPrint=false (the same bytes LiveChatParseBenchmarks makes).
// Prints one JSON line per page and form: the median and fastest of 5 timed passes, in microseconds per page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = process.env.YOUTUBEI_DIR ?? "/tmp/ytbench-js";
const require = createRequire(join(dir, "package.json"));
const { Parser } = await import(pathToFileURL(require.resolve("youtubei.js")).href);
const version = JSON.parse(readFileSync(require.resolve("youtubei.js/package.json"), "utf8")).version;

const testdata = fileURLToPath(new URL("../../testdata/youtube/", import.meta.url));
const pages = ["pytchat_speed_speedtest_normal.json", "pytchat_test_stream.json", "chat-downloader_live_chat_page_initial_data_2020.json"];
const seconds = parseFloat(process.argv[2] ?? "3");
const decoder = new TextDecoder();
console.warn = () => {}; // youtubei.js warns about renderers it has no class for

// Drops the whitespace between tokens, as LiveChatParseBenchmarks.WithoutWhitespace does.
const withoutWhitespace = (json) => {
  const out = [];
  let inString = false, escaped = false;
  for (const b of json) {
    if (inString) {
      [inString, escaped] = [escaped || b !== 0x22, !escaped && b === 0x5c];
    } else if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
      continue;
    } else {
      inString = b === 0x22;
    }
    out.push(b);
  }
  return Buffer.from(out);
};

for (const [page, minified] of pages.flatMap((p) => [[p, false], [p, true]])) {
  const recorded = readFileSync(join(testdata, page));
  const body = minified ? withoutWhitespace(recorded) : recorded;
  let sink = 0;
  const once = () => {
    const parsed = Parser.parseResponse(JSON.parse(decoder.decode(body)));
    sink += parsed.continuation_contents?.actions?.length ?? (parsed.contents ? 1 : 0);
  };
  for (let i = 0; i < 2000; i++) once(); // warm-up: let V8 optimise
  const passes = [];
  for (let pass = 0; pass < 5; pass++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round((seconds * 1e9) / 5));
    let now = start;
    while (now < end) {
      for (let i = 0; i < 50; i++) once();
      n += 50;
      now = process.hrtime.bigint();
    }
    passes.push(Number(now - start) / 1e3 / n);
  }
  passes.sort((a, b) => a - b);
  console.log(JSON.stringify({
    page, minified, bytes: body.length, parser: `youtubei.js@${version}`, node: process.version,
    us_per_page_median: +passes[2].toFixed(2), us_per_page_min: +passes[0].toFixed(2), load: loadavg().map((l) => +l.toFixed(2)), sink,
  }));
}
