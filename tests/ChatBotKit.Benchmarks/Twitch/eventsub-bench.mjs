// EventSub notification frames into events, for comparing ChatBotKit with @twurple/eventsub-ws.
//
//   node eventsub-bench.mjs gen tests/testdata/twitch /tmp/eventsub-frames.jsonl 10000
//       writes the corpus: the recorded notifications (chat message, Shared Chat message, follow)
//       repeated with their own message ids and texts, one frame per line (seed 17)
//   node eventsub-bench.mjs run /tmp/eventsub-frames.jsonl /tmp/twurple-bench
//       times @twurple's path for each frame, from the npm folder given (npm install @twurple/eventsub-ws there)
//
// What "@twurple's path" is: what EventSubWsSocket does with a received text for a notification
// (JSON.parse, the switch on message_type, the seen-id set of EventSubBase) and what the
// subscription then does (transformData: the event class around the event object), then a
// handler that reads the fields a ChatBotKit event carries (twurple's events are lazy getters,
// so reading them is part of getting the event). Twurple's 10-minute setTimeout per message id
// and its subscription lookup by id are left out, in its favour.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [command, input, output, countText] = process.argv.slice(2);

if (command === 'gen') {
  generate(input, output, Number(countText ?? 10000));
} else if (command === 'run') {
  await run(input, output);
} else {
  console.error('usage: eventsub-bench.mjs gen <testdata-dir> <out.jsonl> [count] | run <frames.jsonl> <npm-folder>');
  process.exit(2);
}

function generate(dir, out, count) {
  const read = name => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const chat = read('eventsub_channel.chat.message_payload.json');
  const shared = read('eventsub_channel.chat.message_payload_shared_chat.json');
  const follow = read('eventsub_ws_notification_channel.follow.json');
  const texts = ['Hi chat', 'hello @kitbot how are you?', '!dice', 'PogChamp that was close', 'gg wp', 'first time here, love the stream'];
  let seed = 17;
  const next = n => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const lines = [];
  for (let i = 0; i < count; i++) {
    const pick = next(10);
    let frame;
    if (pick < 9) { // 8 in 10 chat messages, 1 in 10 Shared Chat, 1 in 10 follows
      const payload = structuredClone(pick < 8 ? chat : shared);
      payload.event.message_id = `m-${i}`;
      payload.event.message.text = texts[next(texts.length)];
      payload.event.message.fragments = [{ type: 'text', text: payload.event.message.text, cheermote: null, emote: null, mention: null }];
      if (payload.event.source_message_id) payload.event.source_message_id = `s-${i}`;
      frame = notification(payload, `f-${i}`);
    } else {
      frame = structuredClone(follow);
      frame.metadata.message_id = `f-${i}`;
    }
    lines.push(JSON.stringify(frame));
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${count} frames in ${out}`);
}

function notification(payload, id) {
  return {
    metadata: {
      message_id: id,
      message_type: 'notification',
      message_timestamp: '2023-11-06T18:11:47.492Z',
      subscription_type: payload.subscription.type,
      subscription_version: payload.subscription.version,
    },
    payload,
  };
}

async function run(file, npmFolder) {
  const require = createRequire(join(npmFolder, 'package.json'));
  const base = await import(pathToFileURL(require.resolve('@twurple/eventsub-base')).href);
  const version = JSON.parse(readFileSync(join(npmFolder, 'node_modules/@twurple/eventsub-ws/package.json'), 'utf8')).version;
  const frames = readFileSync(file, 'utf8').split('\n').filter(line => line.length > 0);
  const classes = {
    'channel.chat.message': base.EventSubChannelChatMessageEvent,
    'channel.follow': base.EventSubChannelFollowEvent,
  };
  let sink = 0;
  const read = {
    'channel.chat.message': e => e.broadcasterName.length + e.chatterId.length + e.chatterName.length + e.chatterDisplayName.length
      + e.messageId.length + e.messageText.length + Object.keys(e.badges).length + (e.parentMessageId ?? '').length + (e.bits ?? 0) + e.messageParts.length,
    'channel.follow': e => e.broadcasterName.length + e.userId.length + e.userName.length + e.userDisplayName.length,
  };

  const pass = () => {
    const seen = new Set();
    let events = 0;
    for (const data of frames) {
      const { metadata, payload } = JSON.parse(data);
      switch (metadata.message_type) {
        case 'notification': {
          if (seen.has(metadata.message_id)) break;
          seen.add(metadata.message_id);
          const type = payload.subscription.type;
          const event = new classes[type](payload.event);
          sink += read[type](event);
          events++;
          break;
        }
        default:
          break;
      }
    }
    return events;
  };

  for (let i = 0; i < 20; i++) pass();
  const times = [];
  for (let i = 0; i < 15; i++) {
    const start = process.hrtime.bigint();
    pass();
    times.push(Number(process.hrtime.bigint() - start) / frames.length);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`@twurple/eventsub-ws ${version}, node ${process.version}: ${frames.length} frames, median ${median.toFixed(1)} ns/frame (min ${times[0].toFixed(1)}) ≈ ${Math.round(1e9 / median).toLocaleString('en')} frames/s (sink ${sink % 997})`);
}
