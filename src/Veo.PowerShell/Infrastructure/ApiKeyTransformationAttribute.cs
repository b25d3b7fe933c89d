using System.Management.Automation;
using System.Security;

namespace Veo.PowerShell.Infrastructure;

/// <summary>Lets -ApiKey take a SecureString, a plain string or a PSCredential (its password); it is held as a SecureString.</summary>
public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case SecureString secure:
                return secure;
            case PSCredential credential:
                return credential.Password;
            case string text:
                var secret = new SecureString();
                foreach (char c in text)
                {
                    secret.AppendChar(c);
                }

                secret.MakeReadOnly();
                return secret;
            default:
                throw new ArgumentTransformationMetadataException("-ApiKey takes a SecureString, a string or a PSCredential.");
        }
    }
}
