// Sequential request round trips with the npm `vtubestudio` client, for the comparison in
// docs/benchmarks.md. The VTube Studio harness runs it against its fake VTube Studio:
//   NODE_PATH=<folder>/node_modules node vts-roundtrip.cjs <ws-url> <count>
// after `npm install vtubestudio@3.11.0 ws` in <folder> (outside the repository).
const { ApiClient } = require("vtubestudio");
const WebSocket = require("ws");

const [url, countText] = process.argv.slice(2);
const count = Number(countText ?? "2000");
let token = null;
const client = new ApiClient({
  authTokenGetter: () => token,
  authTokenSetter: async (t) => { token = t; },
  pluginName: "ChatBotKit bench",
  pluginDeveloper: "streambot",
  url,
  webSocketFactory: (u) => new WebSocket(u),
});

client.on("connect", async () => {
  for (let i = 0; i < 200; i++) {
    await client.hotkeysInCurrentModel({});
  }

  const micros = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await client.hotkeysInCurrentModel({});
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
  }

  micros.sort((a, b) => a - b);
  const at = (p) => micros[Math.min(micros.length - 1, Math.floor(micros.length * p / 100))].toFixed(1);
  console.log(`npm vtubestudio, HotkeysInCurrentModelRequest, ${count} sequential round trips (µs): p50 ${at(50)} p90 ${at(90)} p99 ${at(99)} max ${micros[micros.length - 1].toFixed(1)}`);
  process.exit(0);
});
