using Verify.Saml.Bindings;
using Verify.TestRp.Outcomes;
using Verify.TestRp.RequestState;

namespace Verify.TestRp.Protocol;

/// <summary>
/// The consumer for each registration the test RP signs in with (its own and <see cref="TestRpOptions.Services"/>):
/// the browser's request state names the registration, so each Response is checked against the entity ID, levels and
/// trust mode its request was made for. A request state naming no known registration is checked as the RP's own.
/// </summary>
internal sealed class ResponseConsumers : IDisposable
{
    private readonly HubResponseConsumer _own;
    private readonly Dictionary<string, Func<PostMessage, PendingRequest?, CancellationToken, Task<AcsResult>>> _services = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];

    public ResponseConsumers(TestRpOptions options, string acsUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        _own = new HubResponseConsumer(options, acsUrl);
        _owned.Add(_own);
        foreach (var service in options.Services)
        {
            if (service.EndToEnd)
            {
                var consumer = new EndToEndResponseConsumer(options, service, acsUrl);
                _owned.Add(consumer);
                _services[service.Key] = consumer.ConsumeAsync;
            }
            else
            {
                var consumer = new HubResponseConsumer(options, acsUrl, service);
                _owned.Add(consumer);
                _services[service.Key] = consumer.ConsumeAsync;
            }
        }
    }

    /// <inheritdoc cref="HubResponseConsumer.ConsumeAsync"/>
    public Task<AcsResult> ConsumeAsync(PostMessage message, PendingRequest? pending, CancellationToken cancellationToken) =>
        pending?.Service is { } key && _services.TryGetValue(key, out var consume)
            ? consume(message, pending, cancellationToken)
            : _own.ConsumeAsync(message, pending, cancellationToken);

    public void Dispose()
    {
        foreach (var consumer in _owned)
        {
            consumer.Dispose();
        }
    }
}
