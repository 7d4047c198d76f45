using ChatBotKit.Cli;

// SIGINT and SIGTERM cancel the command through System.CommandLine (see StreambotApp), which
// gives it up to 35 s to stop; a second handler here would race the process exit.
return await StreambotApp.RunAsync(args, new CliStreams(Console.In, Console.Out, Console.Error, ColourAllowed: !Console.IsErrorRedirected));
