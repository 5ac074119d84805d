namespace Verify.Hub.Tests.Matching.Support;

/// <summary>
/// Departmental records (JSON Lines, the matching service's import format) for the citizen the tests' IDP asserts:
/// Jane Anne Citizen, born 29 February 1984, of 1 Test Street, Testville TE1 1ST (<see cref="Tests.Support.IdpAnswer.JaneCitizen"/>). All invented.
/// </summary>
internal static class People
{
    /// <summary>Her National Insurance number, as the department holds it.</summary>
    public const string JaneNino = "AB 12 34 56 C";

    /// <summary>Jane's record, as the IDP asserts her: cycle 1 matches it.</summary>
    public const string Jane = """{"recordId":"R-JANE","firstName":"Jane","middleNames":"Anne","surname":"Citizen","dateOfBirth":"1984-02-29","addresses":[{"lines":["1 Test Street","Testville"],"postcode":"TE1 1ST","from":"2010-01-01"}],"identifiers":{"NationalInsuranceNumber":"AB 12 34 56 C"}}""" + "\n";

    /// <summary>Jane's record at an old address the department still has: cycle 1 misses her, cycle 3 with her NINO finds her.</summary>
    public const string JaneAtAnOldAddress = """{"recordId":"R-JANE","firstName":"Jane","middleNames":"Anne","surname":"Citizen","dateOfBirth":"1984-02-29","addresses":[{"lines":["3 Mill Lane","York"],"postcode":"YO1 7HH","from":"2001-01-01","to":"2009-12-31"}],"identifiers":{"NationalInsuranceNumber":"AB 12 34 56 C"}}""" + "\n";

    /// <summary>Someone else entirely: Jane has no record.</summary>
    public const string Robert = """{"recordId":"R-ROBERT","firstName":"Robert","middleNames":"James","surname":"Smith","dateOfBirth":"1980-10-03","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"LS1 4AB","from":"2015-04-01"}],"identifiers":{"NationalInsuranceNumber":"CE 65 43 21 A"}}""" + "\n";

    /// <summary>Sarah Elizabeth Thompson as the department holds her (the stub IDP's <c>sarah-thompson</c>): cycle 1 through an OIDC IDP matches it.</summary>
    public const string Sarah = """{"recordId":"R-SARAH","firstName":"Sarah","middleNames":"Elizabeth","surname":"Thompson","dateOfBirth":"1985-03-12","addresses":[{"lines":["42 Oakfield Road","Headingley","Leeds"],"postcode":"LS6 3PJ","from":"2018-06-01"}]}""" + "\n";
}
