namespace Verify.Federation.Registration;

/// <summary>Sizes registration refuses to exceed; the store's columns are sized from them.</summary>
internal static class RegistrationLimits
{
    /// <summary>The longest display name, in either language.</summary>
    public const int DisplayNameLength = 200;

    /// <summary>The longest "other ways to access the service" text, in either language.</summary>
    public const int OtherWaysLength = 4000;

    /// <summary>The longest URL (service homepage, endpoints).</summary>
    public const int UrlLength = 2048;

    /// <summary>SAML Metadata 2.3.2: an entityID is at most 1024 characters.</summary>
    public const int EntityIdLength = 1024;

    /// <summary>The most RPs an onboarding IDP can be restricted to.</summary>
    public const int MaxOnboardingRelyingParties = 200;
}
