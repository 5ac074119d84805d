namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// What the citizen reads on the hub's pages, in one language: the headings, labels and buttons the tests find pages
/// and controls by. Written out here, not read from the hub's resources, so a wrong or missing translation fails.
/// </summary>
public sealed record HubTexts
{
    /// <summary>The hub's pages in English.</summary>
    public static HubTexts English { get; } = new()
    {
        Language = PageLanguage.English,
        Code = "en",
        Name = "English",
        StartHeading = "Have you used a certified company to prove your identity before?",
        StartError = "Select yes if you have an identity account with a certified company",
        SignIn = "Yes, I want to sign in",
        Register = "No, I need to prove my identity for the first time",
        ChooseHeading = "Choose a certified company",
        ChooseError = "Select a certified company",
        Continue = "Continue",
        ErrorTitlePrefix = "Error: ",
        SendingTo = "Sending you to {0}",
        ReturningToService = "Returning you to the service",
        GoBackToPrefix = "Go back to ",
        TryAnotherCompany = "Try another certified company",
        FailedHeading = "The company could not sign you in",
        NotVerifiedHeading = "We could not verify your identity",
        RequesterErrorHeading = "Something went wrong",
        PendingHeading = "Your identity check is not finished yet",
        TimeoutHeading = "Your session has timed out",
        NoSessionHeading = "We cannot find your session",
    };

    /// <summary>The hub's pages in Welsh.</summary>
    public static HubTexts Welsh { get; } = new()
    {
        Language = PageLanguage.Welsh,
        Code = "cy",
        Name = "Cymraeg",
        StartHeading = "Ydych chi wedi defnyddio cwmni ardystiedig i brofi eich hunaniaeth o'r blaen?",
        StartError = "Dewiswch 'Ydw' os oes gennych gyfrif hunaniaeth gyda chwmni ardystiedig",
        SignIn = "Ydw, rwyf eisiau mewngofnodi",
        Register = "Nac ydw, mae angen i mi brofi fy hunaniaeth am y tro cyntaf",
        ChooseHeading = "Dewiswch gwmni ardystiedig",
        ChooseError = "Dewiswch gwmni ardystiedig",
        Continue = "Parhau",
        ErrorTitlePrefix = "Gwall: ",
        SendingTo = "Rydym yn eich anfon at {0}",
        ReturningToService = "Rydym yn eich dychwelyd i'r gwasanaeth",
        GoBackToPrefix = "Mynd yn ôl i ",
        TryAnotherCompany = "Rhowch gynnig ar gwmni ardystiedig arall",
        FailedHeading = "Nid oedd y cwmni'n gallu eich mewngofnodi",
        NotVerifiedHeading = "Nid oeddem yn gallu dilysu eich hunaniaeth",
        RequesterErrorHeading = "Mae rhywbeth wedi mynd o'i le",
        PendingHeading = "Nid yw'r gwiriad o'ch hunaniaeth wedi'i gwblhau eto",
        TimeoutHeading = "Mae eich sesiwn wedi dod i ben",
        NoSessionHeading = "Ni allwn ddod o hyd i'ch sesiwn",
    };

    public required PageLanguage Language { get; init; }

    /// <summary>The <c>lang</c> of the pages.</summary>
    public required string Code { get; init; }

    /// <summary>The language's name in itself: the language navigation's link to it.</summary>
    public required string Name { get; init; }

    public required string StartHeading { get; init; }

    public required string StartError { get; init; }

    public required string SignIn { get; init; }

    public required string Register { get; init; }

    public required string ChooseHeading { get; init; }

    public required string ChooseError { get; init; }

    /// <summary>The hub's Continue buttons (its forms and its SAML POST pages).</summary>
    public required string Continue { get; init; }

    public required string ErrorTitlePrefix { get; init; }

    /// <summary>The heading of the POST page to a company; {0} is the company's registered name.</summary>
    public required string SendingTo { get; init; }

    public required string ReturningToService { get; init; }

    /// <summary>The "Go back to {service}" button, up to the service's registered name.</summary>
    public required string GoBackToPrefix { get; init; }

    public required string TryAnotherCompany { get; init; }

    public required string FailedHeading { get; init; }

    public required string NotVerifiedHeading { get; init; }

    public required string RequesterErrorHeading { get; init; }

    public required string PendingHeading { get; init; }

    public required string TimeoutHeading { get; init; }

    public required string NoSessionHeading { get; init; }

    /// <summary>The texts in <paramref name="language"/>.</summary>
    public static HubTexts For(PageLanguage language) => language == PageLanguage.Welsh ? Welsh : English;

    /// <summary>The heading of the POST page to <paramref name="company"/>.</summary>
    public string SendingToCompany(string company) => string.Format(System.Globalization.CultureInfo.InvariantCulture, SendingTo, company);
}
