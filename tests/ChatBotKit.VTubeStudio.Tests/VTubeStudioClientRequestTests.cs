using System.Text.Json.Nodes;
using ChatBotKit.VTubeStudio.Tests.Server;

namespace ChatBotKit.VTubeStudio.Tests;

/// <summary>Each request the client makes, compared with the recorded example of that request.</summary>
public sealed class VTubeStudioClientRequestTests : VTubeStudioTestBase
{
    private VTubeStudioClient _client = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        KeepValidToken();
        _client = NewClient();
        await _client.StartAsync();
    }

    [Fact]
    public async Task GetHotkeys_RecordedList_ReadsEveryHotkey()
    {
        var hotkeys = await _client.GetHotkeysAsync();

        hotkeys.Should().HaveCount(5);
        hotkeys[0].Should().Be(new VTubeStudioHotkey("My first hotkey", "ToggleExpression", "myExpression_1.exp3.json", "SomeUniqueIdToIdentifyHotkeyWith1"));
        hotkeys[1].PlaysAnimation.Should().BeTrue();
        hotkeys[0].TogglesExpression.Should().BeTrue();
    }

    [Fact]
    public async Task TriggerHotkey_ByName_SendsTheRecordedRequestShape()
    {
        var id = await _client.TriggerHotkeyAsync("My second hotkey");

        var sent = await Vts.WaitForAsync("HotkeyTriggerRequest");
        sent.Data["hotkeyID"]!.GetValue<string>().Should().Be("My second hotkey");
        EnvelopeOf(sent.Frame).Should().Equal(EnvelopeOf(FakeVTubeStudio.Recorded("HotkeyTriggerRequest")));
        id.Should().Be(FakeVTubeStudio.Recorded("HotkeyTriggerResponse")["data"]!["hotkeyID"]!.GetValue<string>());
    }

    [Fact]
    public async Task TriggerHotkey_UnknownName_ListsTheHotkeysThatExist()
    {
        Vts.AnswerNext("HotkeyTriggerRequest", _ => FakeVTubeStudio.Error(202, "Hotkey not found."));

        var thrown = await _client.Invoking(c => c.TriggerHotkeyAsync("wave")).Should().ThrowAsync<VTubeStudioException>();

        thrown.Which.ErrorId.Should().Be(VTubeStudioErrorId.HotkeyNotFound);
        thrown.WithMessage("The model has no hotkey 'wave'. Its hotkeys: My first hotkey, My second hotkey, My third hotkey, My fourth hotkey, My fifth hotkey.");
    }

    [Fact]
    public async Task Expressions_StateThenActivateAndDeactivate_SendTheRecordedRequest()
    {
        var expressions = await _client.GetExpressionsAsync();
        await _client.SetExpressionAsync("myExpression_1.exp3.json", active: true, TimeSpan.FromSeconds(0.5));
        await _client.SetExpressionAsync("myExpression_1.exp3.json", active: false);

        expressions.Should().Equal(new VTubeStudioExpression("myExpression_optional_1", "myExpression_optional_1 .exp3.json", false));
        var on = await Vts.WaitForAsync("ExpressionActivationRequest");
        JsonNode.DeepEquals(on.Data, FakeVTubeStudio.Recorded("ExpressionActivationRequest")["data"]).Should().BeTrue(on.Data.ToJsonString());
        var off = await Vts.WaitForAsync("ExpressionActivationRequest", 2);
        off.Data["active"]!.GetValue<bool>().Should().BeFalse();
        off.Data["fadeTime"]!.GetValue<double>().Should().Be(0.25);
    }

    [Fact]
    public async Task InjectParameters_TwoValues_SendsTheRecordedRequest()
    {
        await _client.InjectParametersAsync([new("FaceAngleX", 12.31), new("MyNewParamName", 0.7, 0.8)]);

        var sent = await Vts.WaitForAsync("InjectParameterDataRequest");
        JsonNode.DeepEquals(sent.Data, FakeVTubeStudio.Recorded("InjectParameterDataRequest")["data"]).Should().BeTrue(sent.Data.ToJsonString());
    }

    [Fact]
    public async Task CreateParameter_ValidName_SendsTheRecordedRequestAndBadNamesAreRefused()
    {
        await _client.CreateParameterAsync("MyNewParamName", "This is my new parameter.", -50, 50, 10);

        var sent = await Vts.WaitForAsync("ParameterCreationRequest");
        JsonNode.DeepEquals(sent.Data, FakeVTubeStudio.Recorded("ParameterCreationRequest")["data"]).Should().BeTrue(sent.Data.ToJsonString());
        await _client.Invoking(c => c.CreateParameterAsync("abc", "", 0, 1, 0)).Should().ThrowAsync<ArgumentException>();
        await _client.Invoking(c => c.CreateParameterAsync("Mouth_Open", "", 0, 1, 0)).Should().ThrowAsync<ArgumentException>();
        VTubeStudioClient.IsCustomParameterName(new string('a', 32)).Should().BeTrue();
        VTubeStudioClient.IsCustomParameterName(new string('a', 33)).Should().BeFalse();
    }

    private static string[] EnvelopeOf(JsonObject frame) =>
        [.. frame.Where(p => p.Key is not ("requestID" or "data")).Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal)];
}
