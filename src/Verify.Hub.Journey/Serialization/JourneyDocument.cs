using System.Text.Json;

namespace Verify.Hub.Journey.Serialization;

/// <summary>
/// The stored form of a journey: <c>{"schema":1,"journey":{…}}</c>. The schema number changes only when an old
/// node could misread a new document; adding an optional property does not need a new schema (unknown properties
/// are skipped, so nodes of two releases can share a store during a rolling deployment).
/// </summary>
internal sealed class JourneyDocument
{
    /// <summary>The schema this code writes and reads.</summary>
    public const int CurrentSchema = 1;

    public int Schema { get; init; }

    public JsonElement Journey { get; init; }
}
