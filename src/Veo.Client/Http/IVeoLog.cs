namespace Veo.Client;

/// <summary>Where the client reports what it does. The cmdlets route it to the Verbose, Debug and Warning streams.</summary>
public interface IVeoLog
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    /// <summary>True when debug messages are shown, so costly ones (a request preview) are built only then.</summary>
    bool IsDebugEnabled { get; }
}

internal sealed class NullLog : IVeoLog
{
    public static readonly NullLog Instance = new();

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public bool IsDebugEnabled => false;
}
