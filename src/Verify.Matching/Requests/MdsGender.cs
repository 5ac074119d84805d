using System.Text.Json.Serialization;

namespace Verify.Matching.Requests;

/// <summary>Gender as the matching dataset carries it (MDS_gender: Male / Female / Not Specified).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MdsGender>))]
public enum MdsGender
{
    /// <summary>Not specified (Verify's NOT_SPECIFIED).</summary>
    [JsonStringEnumMemberName("NOT_SPECIFIED")]
    NotSpecified = 0,

    /// <summary>Female.</summary>
    [JsonStringEnumMemberName("FEMALE")]
    Female = 1,

    /// <summary>Male.</summary>
    [JsonStringEnumMemberName("MALE")]
    Male = 2,
}
