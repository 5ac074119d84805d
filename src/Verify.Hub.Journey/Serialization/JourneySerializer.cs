using System.Buffers;
using System.Text.Json;

namespace Verify.Hub.Journey.Serialization;

/// <summary>
/// Writes and reads the stored form of a journey (<see cref="JourneyDocument"/>), for every store. A document
/// that does not read back exactly (an unknown schema or state, a missing field, <c>LEVEL_X</c> as a level) is
/// refused with <see cref="JourneyStoreException"/>, never half-read.
/// </summary>
/// <remarks>
/// One pass each way over <c>{"schema":N,"journey":{…}}</c>: the schema is written first and checked before the
/// journey is read, and the journey is (de)serialized straight from and to the document's bytes. (Going through a
/// <see cref="JsonElement"/> for the journey, as <see cref="JourneyDocument"/> describes it, wrote and read every
/// journey twice, at every step of every journey.) Properties other than these two are skipped, as before.
/// </remarks>
internal static class JourneySerializer
{
    // The journey's own depth limit (JourneyJsonContext) plus the document around it.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = JourneyJsonContext.Default.Options.MaxDepth + 1 };

    public static byte[] Serialize(JourneyRecord journey)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema"u8, JourneyDocument.CurrentSchema);
            writer.WritePropertyName("journey"u8);
            JsonSerializer.Serialize(writer, journey, JourneyJsonContext.Default.JourneyRecord);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JourneyRecord Deserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JourneyStoreException("A stored journey is not a JSON object.");
            }

            int? schema = null;
            JourneyRecord? journey = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schema"u8))
                {
                    reader.Read();
                    schema = reader.GetInt32();
                }
                else if (reader.ValueTextEquals("journey"u8))
                {
                    // Checked before the journey is read: a document of another schema is never interpreted as ours.
                    RequireCurrent(schema);
                    reader.Read();
                    journey = JsonSerializer.Deserialize(ref reader, JourneyJsonContext.Default.JourneyRecord);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new JourneyStoreException("A stored journey has content after its document.");
            }

            RequireCurrent(schema);
            return journey ?? throw new JourneyStoreException("A stored journey is empty.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new JourneyStoreException("A stored journey could not be read.", e);
        }
    }

    private static void RequireCurrent(int? schema)
    {
        if (schema != JourneyDocument.CurrentSchema)
        {
            throw new JourneyStoreException($"A stored journey has schema {schema ?? 0}; this node reads {JourneyDocument.CurrentSchema}.");
        }
    }
}
