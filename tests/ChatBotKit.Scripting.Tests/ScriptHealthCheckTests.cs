namespace ChatBotKit.Scripting.Tests;

[Collection(SharedCompiler.Name)]
public sealed class ScriptHealthCheckTests(CompilerFixture fixture) : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Compile_HealthCheckExampleOfTheOperationsDoc_CompilesWithoutWarnings()
    {
        var path = _folder.Write("bot.csx", """
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            Bot.WithHealthCheck("overlay", new OverlayCheck(), HealthStatus.Degraded);

            sealed class OverlayCheck : IHealthCheck
            {
                public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
                    Task.FromResult(System.IO.File.Exists("/tmp/overlay.sock")
                        ? HealthCheckResult.Healthy()
                        : new HealthCheckResult(context.Registration.FailureStatus, "the overlay is not running"));
            }
            """);

        fixture.Compiler.Compile(path).Warnings.Should().BeEmpty();
    }
}
