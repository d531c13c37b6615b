namespace Jixiao.Tests.Zoo;

/// <summary>
/// A fact that needs the zoo's tools: skipped, visibly and with what is missing, when pdftotext or the
/// producer (Chromium or LibreOffice) is not installed — never a silent pass.
/// </summary>
public sealed class ZooFactAttribute : FactAttribute
{
    public ZooFactAttribute(ZooProducer producer)
    {
        if (ZooTools.Missing(producer) is { } missing)
        {
            Skip = $"printing zoo ({producer}): {missing}";
        }
    }
}
