namespace Veo.Client;

/// <summary>A provider users can name. Several names may share one wire protocol (JieKou is HighwayAPI's Chinese host).</summary>
public enum VeoProvider
{
    HighwayApi,
    JieKou,
    AIHubMax,
    Vtrix,

    /// <summary>Google's own Gemini API (an AI Studio key), which the other providers resell.</summary>
    Google,
}

/// <summary>What the video is generated from.</summary>
public enum VeoMode
{
    /// <summary>One to three reference images guide the content (fixed 8 s).</summary>
    Reference,

    /// <summary>Image-to-video: the image is the first frame.</summary>
    FirstFrame,

    /// <summary>Interpolation between a first and a last frame.</summary>
    FirstAndLastFrame,

    /// <summary>Text-to-video: the prompt alone.</summary>
    Text,

    /// <summary>Continues a video by about seven seconds.</summary>
    Extend,
}

/// <summary>Modes as messages name them ("an Extend video", "a Reference video").</summary>
public static class VeoModeText
{
    public static string WithArticle(this VeoMode mode) => (mode == VeoMode.Extend ? "an " : "a ") + mode;
}

/// <summary>The price and quality tier of a Veo 3.1 model.</summary>
public enum VeoTier
{
    Standard,
    Fast,
    Lite,
}

public enum VeoTaskStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>Whether people may appear. Users write these names; each adapter writes its endpoint's spelling.</summary>
public enum PersonGeneration
{
    AllowAdult,
    DontAllow,
    AllowAll,
}
