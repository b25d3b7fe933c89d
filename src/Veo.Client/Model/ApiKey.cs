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

    /// <summary>An empty or blank key: the same as none (an empty bearer token must never be sent).</summary>
    internal bool IsEmpty => _secret.Length == 0 || string.IsNullOrWhiteSpace(Reveal());

    /// <summary>A key with a line break or another control character cannot be a header value.</summary>
    internal bool HasControlCharacters
    {
        get
        {
            foreach (char c in Reveal())
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }

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
