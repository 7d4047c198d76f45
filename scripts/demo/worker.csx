// worker.csx: one scale-out worker. Start as many as you like, each with its own WORKER_NAME:
//   NATS_URL=nats://127.0.0.1:4222 WORKER_NAME=A streambot run scripts/demo/worker.csx --no-watch --http off
// The workers share the events an ingest (`streambot ingest`) publishes: NATS hands each one to a
// single worker of the queue group, and the reply goes back through the ingest. See docs/scale-out.md.

var worker = Env("WORKER_NAME", "worker")!;

Bot.WithName(Env("BOT_NAME", "kit"))
   .WithRateLimits(RateLimitPolicy.Unlimited);

Bot.AddNatsBus(Env("NATS_URL", "nats://127.0.0.1:4222")!);

// `!who 7` is answered with the worker's name: `A 7` or `B 7`, so you can see who took it.
Bot.OnCommand("who", ctx => $"{worker} {ctx.Command?.ArgumentText}");
