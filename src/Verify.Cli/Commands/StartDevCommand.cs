using System.CommandLine;

using Verify.Cli.StartDev;
using Verify.Federation.Registration;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify start-dev</c>: the whole federation in one process (hub, stub IDP, test RP and its matching service) with embedded storage and the
/// federation loaded from <c>config/</c>; prints where to start and runs until Ctrl+C.
/// </summary>
internal sealed class StartDevCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <inheritdoc />
    public Command Create()
    {
        var plainHttp = new Option<bool>("--plain-http")
        {
            Description = "Serve plain http on 127.0.0.1 instead of HTTPS on hub.test, idp.test and rp.test.",
        };
        var config = new Option<string>("--config") { Description = "The federation configuration folder.", DefaultValueFactory = _ => "config" };
        var certs = new Option<string>("--certs") { Description = "The sample keys folder (development only).", DefaultValueFactory = _ => "certs-sample" };
        var database = new Option<string>("--db") { Description = "The SQLite file of the federation store.", DefaultValueFactory = _ => "verify-dev.db" };
        var hubPort = Port("--hub-port", DevFederationOptions.DefaultHubPort);
        var idpPort = Port("--idp-port", DevFederationOptions.DefaultIdpPort);
        var rpPort = Port("--rp-port", DevFederationOptions.DefaultRpPort);
        var msPort = Port("--ms-port", DevFederationOptions.DefaultMsPort);
        var command = new Command("start-dev", "Run the whole federation (hub, stub IDP, test RP) on this machine for development.")
        {
            plainHttp, config, certs, database, hubPort, idpPort, rpPort, msPort,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DevFederationOptions
            {
                PlainHttp = result.GetValue(plainHttp),
                ConfigDirectory = result.GetRequiredValue(config),
                CertsDirectory = result.GetRequiredValue(certs),
                DatabasePath = result.GetRequiredValue(database),
                HubPort = result.GetValue(hubPort),
                IdpPort = result.GetValue(idpPort),
                RpPort = result.GetValue(rpPort),
                MsPort = result.GetValue(msPort),
                TimeProvider = timeProvider,
            };
            return await RunAsync(options, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<int> Port(string name, int defaultPort) => new(name)
    {
        Description = "The port (0 picks a free one).",
        DefaultValueFactory = _ => defaultPort,
    };

    private static async Task<int> RunAsync(DevFederationOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DevFederation federation;
        try
        {
            federation = await DevFederation.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is DevFederationException or RegistrationRefusedException)
        {
            await error.WriteLineAsync($"verify start-dev: {failed.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (federation.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"""
                Verify is running (development mode: sample keys, embedded storage, federation from '{options.ConfigDirectory}').

                  Start here (test RP):  {federation.TestRpUrl}
                  Hub:                   {federation.HubUrl}
                  Stub IDP:              {federation.StubIdpUrl}
                  Matching service:      {federation.MatchingService.Url} (for {new Uri(federation.TestRpUrl, "?service=matching")}, ?service=end-to-end and ?service=oidc-matching)
                  Federation metadata:   {new Uri(federation.HubUrl, "SAML2/metadata/federation")}

                """).ConfigureAwait(false);
            if (!options.PlainHttp)
            {
                await output.WriteLineAsync("""
                      hub.test, idp.test and rp.test must resolve to 127.0.0.1: add "127.0.0.1 hub.test idp.test rp.test" to /etc/hosts,
                      or start Chromium with --host-resolver-rules="MAP *.test 127.0.0.1". Trust certs-sample/root-ca.crt in the
                      browser (development only), or use --plain-http.

                    """).ConfigureAwait(false);
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping.").ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
