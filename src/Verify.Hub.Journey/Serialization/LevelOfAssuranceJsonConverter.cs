using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Serialization;

/// <summary>
/// Stores a level as Verify's name (<c>LEVEL_2</c>), never as its rank or position. <c>LEVEL_X</c> does not read
/// back as a level: a stored document claiming it is refused.
/// </summary>
internal sealed class LevelOfAssuranceJsonConverter : JsonConverter<LevelOfAssurance>
{
    public override LevelOfAssurance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString() ?? throw new JsonException("A level of assurance is null.");
        try
        {
            return LevelOfAssurance.FromName(name);
        }
        catch (Exception e) when (e is FormatException or LevelXIsNotALevelException)
        {
            throw new JsonException("Not a level of assurance.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, LevelOfAssurance value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
