using ChatBotKit.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await StreambotApp.RunAsync(args, new CliStreams(Console.In, Console.Out, Console.Error, ColourAllowed: !Console.IsErrorRedirected), cancellationToken: cancel.Token);
