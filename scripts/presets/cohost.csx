//! name: cohost
//! description: A friendly co-host: answers mentions and private messages through the language model and joins lively chat now and then.
//! author: ChatBotKit contributors
//! version: 1.0.0
// preset:cohost: a friendly co-host. Load it with  #load "preset:cohost"  and then name your bot.
// It answers mentions and private messages, greets now and then when chat is lively, and
// welcomes raiders. Everything it says goes through the language model.

Bot.WithPersonality(PersonalityPreset.Friendly, ResponseLength.Short,
        "You are the streamer's co-host: upbeat, kind, curious about what viewers say. Never rude.")
   .OnMention()
   .OnPrivateMessage()
   // Now and then (3 % of messages, after 15 messages without the bot) join the conversation.
   .OnAmbient(probability: 0.03, minMessagesSinceBot: 15, cooldown: TimeSpan.FromMinutes(5),
        instruction: "Join the conversation naturally with one short, friendly line.");
