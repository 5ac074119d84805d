using Verify.Federation.Registration;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Registration;

/// <summary>What an identity provider's registration takes from its metadata, and the defaults it applies.</summary>
public sealed class IdentityProviderRegistrationTests
{
    [Test]
    public void FromMetadata_TakesTheHttpPostSingleSignOnUrl()
    {
        var registration = RegisterIdp();

        Assert.That(registration.SingleSignOnUrl, Is.EqualTo("https://idp.test/sso"));
    }

    [Test]
    public void FromMetadata_DefaultsToPkixTrust_AndTheEntityIdAsName()
    {
        var registration = RegisterIdp();

        Assert.Multiple(() =>
        {
            Assert.That(registration.Trust, Is.EqualTo(TrustKind.Pkix));
            Assert.That(registration.DisplayName.English, Is.EqualTo(IdpId));
            Assert.That(registration.OnboardingOnlyFor, Is.Empty);
        });
    }

    [Test]
    public void FromMetadata_StoresSoftDisconnectInstantsInUtc()
    {
        var local = new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.FromHours(1));

        var registration = RegisterIdp(settings: IdpSettings() with { ProvideRegistrationUntil = local, ProvideSignInUntil = local.AddDays(30) });

        Assert.Multiple(() =>
        {
            Assert.That(registration.ProvideRegistrationUntil, Is.EqualTo(local));
            Assert.That(registration.ProvideRegistrationUntil!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(registration.ProvideSignInUntil, Is.EqualTo(local.AddDays(30)));
        });
    }

    [Test]
    public void FromMetadata_SortsAndDeduplicatesTheOnboardingList()
    {
        var registration = RegisterIdp(settings: IdpSettings() with { OnboardingOnlyFor = [OtherRpId, RpId, OtherRpId] });

        Assert.That(registration.OnboardingOnlyFor, Is.EqualTo(new[] { OtherRpId, RpId }));
    }

    [Test]
    public void FromMetadata_TheSameInput_GivesTheSameContentHash_AndAnyChangeAnother()
    {
        var first = RegisterIdp();
        var same = RegisterIdp();
        var reordered = RegisterIdp(settings: IdpSettings() with { DisplayOrder = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(same.ContentHash, Is.EqualTo(first.ContentHash));
            Assert.That(reordered.ContentHash, Is.Not.EqualTo(first.ContentHash));
        });
    }
}
