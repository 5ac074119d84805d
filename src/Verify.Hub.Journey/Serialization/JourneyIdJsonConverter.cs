using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Hub.Journey.Serialization;

/// <summary>Stores a <see cref="JourneyId"/> as its text form, parsed strictly on the way back.</summary>
internal sealed class JourneyIdJsonConverter : JsonConverter<JourneyId>
{
    public override JourneyId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JourneyId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a journey ID.");

    public override void Write(Utf8JsonWriter writer, JourneyId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
