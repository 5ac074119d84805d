using System.CommandLine;
using System.Globalization;

using Microsoft.Extensions.Configuration;

using Verify.Cli.Commands;
using Verify.MatchingService.Production;

namespace Verify.Cli.MatchingService;

/// <summary>
/// <c>verify matching-service start --config ms.json [--migrate]</c>: a department's matching service in production
/// mode (src/Verify.MatchingService/README.md): its own keys (certs-sample refused), the hub's and the IDPs' keys, the
/// records in PostgreSQL or the department's own local matching service, configuration checked before it serves.
/// </summary>
internal sealed class MatchingServiceCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <summary>The prefix of environment variables that override the file, e.g. <c>VERIFY_MS_records__postgres</c>.</summary>
    public const string EnvironmentPrefix = "VERIFY_MS_";

    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("matching-service", "A department's matching service: answers the hub's matching queries.");
        command.Subcommands.Add(CreateStartCommand());
        return command;
    }

    internal static MatchingServiceSettings Load(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        var settings = new MatchingServiceSettings();
        configuration.Bind(settings);
        return settings;
    }

    private Command CreateStartCommand()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = $"The matching service's configuration (JSON); {EnvironmentPrefix}… environment variables override it.",
            Required = true,
        };
        var migrate = new Option<bool>("--migrate")
        {
            Description = "Apply the records store's pending migrations first (with a role that may; otherwise pending migrations stop the start).",
        };
        var start = new Command("start", "Run the matching service in production mode.") { config, migrate };
        start.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetRequiredValue(config);
            if (!file.Exists)
            {
                await error.WriteLineAsync($"verify matching-service start: '{file.FullName}' does not exist.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = Load(file.FullName);
            try
            {
                var app = await ProductionMatchingService.BuildAsync(settings, timeProvider, result.GetValue(migrate), cancellationToken).ConfigureAwait(false);
                await using (app.ConfigureAwait(false))
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    var service = settings.MatchingService;
                    await output.WriteLineAsync(
                        $"Verify matching service {service.EntityId} serving {service.PublicUrl} (listening on port {service.ListenPort?.ToString(CultureInfo.InvariantCulture) ?? "of the public URL"}).").ConfigureAwait(false);
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
            catch (MatchingServiceConfigurationException problems)
            {
                await error.WriteLineAsync("verify matching-service start: " + problems.Message).ConfigureAwait(false);
                return ExitCodes.Refused;
            }
        });
        return start;
    }
}
