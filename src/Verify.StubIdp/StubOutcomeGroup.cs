namespace Verify.StubIdp;

/// <summary>How the login page groups its outcome buttons. The numbers are fixed.</summary>
public enum StubOutcomeGroup
{
    /// <summary>The citizen signs in: Success with a level of assurance.</summary>
    SignIn = 1,

    /// <summary>The IDP does not authenticate the citizen: a failure status, no assertion.</summary>
    Failure = 2,

    /// <summary>The IDP reports a fraud event: Success at <c>levelX</c> with fraud indicators.</summary>
    Fraud = 3,
}
