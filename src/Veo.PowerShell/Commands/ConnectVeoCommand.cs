using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Veo.Client;
using Veo.PowerShell.Infrastructure;

namespace Veo.PowerShell.Commands;

/// <summary>Sets the provider, address and key that the other Veo cmdlets use by default in this session.</summary>
[Cmdlet(VerbsCommunications.Connect, "Veo")]
[OutputType(typeof(VeoConnection))]
public sealed class ConnectVeoCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public VeoProvider Provider { get; set; }

    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(NoValueCompleter))]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(BaseUriCompleter))]
    public Uri? BaseUri { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        ApiKey? key = ApiKey is null ? null : new ApiKey(ApiKey).WithSource("Connect-Veo");
        VeoConnection connection;
        try
        {
            connection = VeoConnections.Create(Provider, BaseUri, key);
        }
        catch (VeoException ex)
        {
            ThrowTerminatingError(VeoCmdlet.ToErrorRecord(ex, BaseUri));
            return;
        }

        VeoSession.Connect(connection);
        WriteVerbose($"Veo cmdlets now use {connection.Provider} at {connection.BaseUri} by default.");
        if (connection.ApiKey is null)
        {
            string variables = string.Join(" or ", VeoConnections.KeyVariables(Provider).Select(v => "$env:" + v));
            WriteWarning($"No API key was given and {variables} is not set; requests to {Provider} will fail until one is.");
        }

        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
