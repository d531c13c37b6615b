using Jixiao.Formats.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class JsonRoundTripTests
{
    [Theory]
    [InlineData(Seeds.File001)]
    [InlineData(Seeds.File002)]
    [InlineData(Seeds.File004)]
    public void Interchange_json_reads_back_to_the_same_forms(string file)
    {
        var doc = Seeds.Read(file);

        var json = DisclosureJson.ToJson(doc);
        var back = Assert.Single(DisclosureJson.Read(json, file));

        Assert.Equal(doc.Forms.Count, back.Forms.Count);
        for (var i = 0; i < doc.Forms.Count; i++)
        {
            var (a, b) = (doc.Forms[i], back.Forms[i]);
            Assert.Equal(a with { Indicators = [] }, b with { Indicators = [] });
            Assert.Equal(a.Indicators, b.Indicators);
        }

        Assert.Equal(doc.Diagnostics, back.Diagnostics);
    }

    [Fact]
    public void Json_uses_the_spec_field_names_and_numbers()
    {
        var json = DisclosureJson.ToJson(Seeds.Read(Seeds.File002));

        Assert.Contains("\"schema\": \"jixiao.disclosure/1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"selfEvaluation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"total\": {\n", json.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"executed\": 74.33", json, StringComparison.Ordinal);
        Assert.Contains("\"op\": \"≥\"", json, StringComparison.Ordinal);
        Assert.Contains("\"actual\": \"部分达成指标并具有一定效果\"", json, StringComparison.Ordinal);
    }
}
