using System.Text;
using System.Text.Json;
using Jixiao.Domain.Drafts;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;

namespace Jixiao.Web.Drafts;

/// <summary>A draft's form read from and written to the interchange JSON the aggregate keeps (<see cref="Draft.FormJson"/>).</summary>
public static class DraftForms
{
    extension(Draft draft)
    {
        /// <summary>The draft's form, read from its JSON.</summary>
        public PerformanceForm Form
        {
            get
            {
                using var json = JsonDocument.Parse(draft.FormJson);
                return DisclosureJson.ReadForm(json.RootElement);
            }
        }
    }

    /// <summary>A form as a draft keeps it: the interchange JSON of one form, Chinese kept as text (not \u escapes), so the audit log's before/after read as the form does; pages escape it when shown.</summary>
    public static string Json(PerformanceForm form)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DisclosureJson.WriteForm(w, form);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A new draft of <paramref name="form"/>.</summary>
    public static Draft Start(long unitId, PerformanceForm form, string by, DateTimeOffset at, long? basedOnId, long? basedOnFormId = null) =>
        Draft.Start(unitId, form.Kind, Json(form), by, at, basedOnId, basedOnFormId);

    /// <summary>Replaces the draft's form.</summary>
    public static void Edit(this Draft draft, PerformanceForm form, DateTimeOffset at) => draft.Edit(Json(form), form.Kind, at);
}
