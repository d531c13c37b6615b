using System.Text;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;

namespace Jixiao.Tests.Support;

/// <summary>A form as its interchange JSON: two reads of one form are the same when this text is.</summary>
public static class FormJson
{
    public static string Of(PerformanceForm form)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DisclosureJson.WriteForm(writer, form);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
