namespace ChatBotKit.VTubeStudio;

/// <summary>
/// The <c>errorID</c> of a VTube Studio <c>APIError</c>. Ids VTube Studio adds later arrive as
/// their number (an undefined value of this enum) and are still reported, with their message.
/// </summary>
public enum VTubeStudioErrorId
{
    /// <summary>VTube Studio failed inside.</summary>
    InternalServerError = 0,

    /// <summary>The streamer turned the plugin API off.</summary>
    ApiAccessDeactivated = 1,

    /// <summary>The request was not valid JSON.</summary>
    JsonInvalid = 2,

    /// <summary>The <c>apiName</c> was wrong.</summary>
    ApiNameInvalid = 3,

    /// <summary>The <c>apiVersion</c> was wrong.</summary>
    ApiVersionInvalid = 4,

    /// <summary>The <c>requestID</c> was not 1–64 ASCII characters.</summary>
    RequestIdInvalid = 5,

    /// <summary>The <c>messageType</c> was missing.</summary>
    RequestTypeMissingOrEmpty = 6,

    /// <summary>VTube Studio does not know the <c>messageType</c>.</summary>
    RequestTypeUnknown = 7,

    /// <summary>The session is not authenticated.</summary>
    RequestRequiresAuthentication = 8,

    /// <summary>The plugin lacks a permission the request needs.</summary>
    RequestRequiresPermission = 9,

    /// <summary>The streamer denied the plugin in the approval popup.</summary>
    TokenRequestDenied = 50,

    /// <summary>An approval popup is already open.</summary>
    TokenRequestAlreadyOpen = 51,

    /// <summary>The plugin name is not 3–32 characters.</summary>
    TokenRequestPluginNameInvalid = 52,

    /// <summary>The developer name is not 3–32 characters.</summary>
    TokenRequestDeveloperNameInvalid = 53,

    /// <summary>The icon is not a 128×128 PNG or JPG.</summary>
    TokenRequestPluginIconInvalid = 54,

    /// <summary>The authentication request had no token.</summary>
    AuthenticationTokenMissing = 100,

    /// <summary>The authentication request had no plugin name.</summary>
    AuthenticationPluginNameMissing = 101,

    /// <summary>The authentication request had no developer name.</summary>
    AuthenticationPluginDeveloperMissing = 102,

    /// <summary>VTube Studio's hotkey queue (32) is full.</summary>
    HotkeyQueueFull = 200,

    /// <summary>No model is loaded.</summary>
    HotkeyNoModelLoaded = 201,

    /// <summary>The model has no hotkey with that name or id.</summary>
    HotkeyNotFound = 202,

    /// <summary>The hotkey fired too recently.</summary>
    HotkeyCooldownNotOver = 203,

    /// <summary>The hotkey exists but its data is broken (a missing expression or animation file).</summary>
    HotkeyDataInvalid = 204,

    /// <summary>VTube Studio cannot run the hotkey now (a settings window is open).</summary>
    HotkeyBadState = 205,

    /// <summary>The hotkey failed for a reason VTube Studio does not name.</summary>
    HotkeyUnknownFailure = 206,

    /// <summary>A parameter id belongs to the Live2D model, not to VTube Studio's input parameters.</summary>
    ParameterIsLive2D = 453,

    /// <summary>Another plugin owns the parameter in <c>set</c> mode.</summary>
    ParameterOwnedByOtherPlugin = 454,
}
