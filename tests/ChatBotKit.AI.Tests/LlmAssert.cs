using ChatBotKit.AI.Errors;

namespace ChatBotKit.AI.Tests;

/// <summary>Asserts that a call fails with an <see cref="LlmException"/> of one kind.</summary>
public static class LlmAssert
{
    public static async Task<LlmException> ThrowsAsync(LlmFailureKind kind, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<LlmException>(call);
        error.Kind.Should().Be(kind, error.Message);
        return error;
    }
}
