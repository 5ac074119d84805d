using System.CommandLine;

using Microsoft.Extensions.Configuration;

using Verify.Cli.Start;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify start --config hub.json</c>: one hub node in production mode (PostgreSQL, Redis, the operator's keys).
/// Run as many nodes as needed behind one public URL; each checks its configuration and the stores before it serves.
/// </summary>
internal sealed class StartCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <inheritdoc />
    public Command Create()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "The hub's configuration (JSON); VERIFY_… environment variables override it (e.g. VERIFY_postgres).",
            Required = true,
        };
        var command = new Command("start", "Run a hub node in production mode (PostgreSQL and Redis, the federation's own keys).") { config };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetRequiredValue(config);
            if (!file.Exists)
            {
                await error.WriteLineAsync($"verify start: '{file.FullName}' does not exist.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = Load(file.FullName);
            try
            {
                var app = await ProductionHub.BuildAsync(settings, timeProvider, cancellationToken).ConfigureAwait(false);
                await using (app.ConfigureAwait(false))
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync($"Verify hub {settings.Hub.EntityId} serving {settings.Hub.PublicUrl} (listening on port {settings.Hub.ListenPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "of the public URL"}).").ConfigureAwait(false);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        await output.WriteLineAsync("Stopping.").ConfigureAwait(false);
                    }

                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (ProductionConfigurationException problems)
            {
                await error.WriteLineAsync("verify start: " + problems.Message).ConfigureAwait(false);
                return ExitCodes.Refused;
            }
        });
        return command;
    }

    internal static ProductionSettings Load(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false)
            .AddEnvironmentVariables("VERIFY_")
            .Build();
        var settings = new ProductionSettings();
        configuration.Bind(settings);
        return settings;
    }
}
