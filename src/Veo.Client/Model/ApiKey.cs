using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Veo.Client;

/// <summary>
/// An API key held as a <see cref="SecureString"/>. It is turned into text only to build the
/// Authorization header, and it never prints itself.
/// </summary>
public sealed class ApiKey
{
    private readonly SecureString _secret;

    public ApiKey(SecureString secret)
    {
        _secret = secret.Copy();
        _secret.MakeReadOnly();
    }

    /// <summary>Where the key came from (a parameter, Connect-Veo, an environment variable name), for messages.</summary>
    public string Source { get; private init; } = "parameter";

    public static ApiKey FromPlainText(string key, string source)
    {
        var secret = new SecureString();
        foreach (char c in key)
        {
            secret.AppendChar(c);
        }

        return new ApiKey(secret) { Source = source };
    }

    public ApiKey WithSource(string source) => new(_secret) { Source = source };

    internal string Reveal()
    {
        IntPtr buffer = Marshal.SecureStringToGlobalAllocUnicode(_secret);
        try
        {
            return Marshal.PtrToStringUni(buffer) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(buffer);
        }
    }

    public override string ToString() => $"******** (from {Source})";
}
