using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Serialization;

/// <summary>Stores a set of levels as an array of names, e.g. <c>["LEVEL_1","LEVEL_2"]</c>.</summary>
internal sealed class LevelOfAssuranceSetJsonConverter : JsonConverter<LevelOfAssuranceSet>
{
    private static readonly LevelOfAssuranceJsonConverter Level = new();

    public override LevelOfAssuranceSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A set of levels of assurance is an array.");
        }

        var levels = new List<LevelOfAssurance>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            levels.Add(Level.Read(ref reader, typeof(LevelOfAssurance), options));
        }

        return levels.Count == 0 ? throw new JsonException("A set of levels of assurance is empty.") : new(levels);
    }

    public override void Write(Utf8JsonWriter writer, LevelOfAssuranceSet value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var level in value)
        {
            writer.WriteStringValue(level.Name);
        }

        writer.WriteEndArray();
    }
}
