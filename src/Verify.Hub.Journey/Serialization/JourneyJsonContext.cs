using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for stored journeys: no reflection at run time, camelCase names,
/// enums by name, levels by name, states by their discriminator. Strict on the way back: a missing constructor
/// parameter or a null where the type says non-null is refused rather than read as a default.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    MaxDepth = 16,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(LevelOfAssuranceJsonConverter), typeof(LevelOfAssuranceSetJsonConverter)])]
[JsonSerializable(typeof(JourneyDocument))]
[JsonSerializable(typeof(JourneyRecord))]
[JsonSerializable(typeof(LevelOfAssurance))]
internal sealed partial class JourneyJsonContext : JsonSerializerContext
{
}
