using System.Security.Claims;
using Jixiao.Domain.Drafts;
using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.Extensions.Configuration;

namespace Jixiao.Web.Tests;

/// <summary>The review chain as a deployment configures it (Jixiao:Review:Steps), without a web host.</summary>
public sealed class ReviewStepsTests
{
    private static ReviewSteps From(params (string Key, string Value)[] settings) =>
        ReviewSteps.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static ClaimsPrincipal User(string name, string role, long? unit = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), .. unit is { } u ? new[] { new Claim(JixiaoClaims.Unit, u.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : []],
        "test", ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void Without_a_setting_all_three_steps_are_required_in_order()
    {
        Assert.Equal([Roles.UnitHead, Roles.DepartmentReviewer, Roles.Finance], From().Required);
    }

    [Fact]
    public void A_deployment_may_drop_steps_in_either_form_and_the_chain_keeps_its_order()
    {
        Assert.Equal([Roles.DepartmentReviewer, Roles.Finance], From(("Jixiao:Review:Steps", "财政审核,主管部门审核")).Required);
        Assert.Equal([Roles.UnitHead, Roles.Finance], From(("Jixiao:Review:Steps:0", "单位审核"), ("Jixiao:Review:Steps:1", "财政审核")).Required);
        Assert.Throws<InvalidOperationException>(() => From(("Jixiao:Review:Steps", "管理员")));
    }

    [Fact]
    public void With_two_steps_the_first_approval_moves_on_the_second_approves_and_a_return_goes_back_one_step()
    {
        var steps = From(("Jixiao:Review:Steps", "主管部门审核,财政审核"));
        var at = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        var draft = Draft.Start(7, FormKind.Target, "{}", "filler", at);
        draft.Submit(at);
        var head = User("head", Roles.UnitHead, 7);
        var department = User("dept", Roles.DepartmentReviewer);
        var finance = User("fin", Roles.Finance);
        department.Identities.First().AddClaim(new Claim(JixiaoClaims.Department, "3"));

        Assert.Empty(Workflow.Available(head, draft, steps)); // 单位审核 is not required here: the head has no step
        Assert.Empty(Workflow.Available(finance, draft, steps));
        Assert.Equal(["Return", "Approve"], Workflow.Available(department, draft, steps).Select(t => t.Name));

        draft.Approve(steps.Required.Count, at);
        Assert.Equal((DraftState.Submitted, 1, 3), (draft.State, draft.ReviewStep, draft.Version));
        Assert.Empty(Workflow.Available(department, draft, steps));
        Assert.Contains(Workflow.Available(finance, draft, steps), t => t.Name == "Approve");
        Assert.DoesNotContain(Workflow.Available(finance, draft, steps, authors: new HashSet<string> { "fin" }), t => t.Name == "Approve"); // finance edited it

        draft.Return(new ReviewNotes("预算依据不足", new Dictionary<int, string>()), steps.Required.Count, at); // back to 主管部门审核
        Assert.Equal((DraftState.Submitted, 0), (draft.State, draft.ReviewStep));
        Assert.Equal("预算依据不足", draft.Review?.Comment);

        draft.Return(new ReviewNotes(null, new Dictionary<int, string> { [0] = "指标值偏低" }), steps.Required.Count, at); // from the first step: to the filler
        Assert.Equal((DraftState.Returned, 0, 5), (draft.State, draft.ReviewStep, draft.Version));
        Assert.Equal("指标值偏低", draft.Review?.For(0));

        draft.Submit(at);
        Assert.Null(draft.Review);
        draft.Approve(steps.Required.Count, at);
        draft.Approve(steps.Required.Count, at);
        Assert.Equal((DraftState.Approved, 0), (draft.State, draft.ReviewStep));
        draft.Publish(at);
        Assert.Equal((DraftState.Published, 9), (draft.State, draft.Version));
    }

    [Fact]
    public void The_aggregate_refuses_a_change_its_state_does_not_allow()
    {
        var at = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        var draft = Draft.Start(7, FormKind.Target, "{}", "filler", at);
        Assert.Throws<DraftStateException>(() => draft.Approve(3, at));
        Assert.Throws<DraftStateException>(() => draft.Publish(at));
        draft.Submit(at);
        Assert.Throws<DraftStateException>(() => draft.Edit("{}", FormKind.Target, at));
        Assert.Throws<DraftStateException>(() => draft.Return(new ReviewNotes(" ", new Dictionary<int, string>()), 3, at)); // a return needs a comment
        Assert.Throws<DraftStateException>(() => draft.Submit(at));
        Assert.Equal((DraftState.Submitted, 2), (draft.State, draft.Version)); // nothing refused counted a version
    }

    [Fact]
    public void A_state_is_stored_as_its_word_and_an_unknown_word_is_an_error()
    {
        Assert.Equal(["draft", "submitted", "returned", "approved", "published"], DraftStates.All.Select(DraftStates.Code));
        Assert.All(DraftStates.All, s => Assert.Equal(s, DraftStates.Parse(DraftStates.Code(s))));
        Assert.Throws<FormatException>(() => DraftStates.Parse("Submitted"));
        Assert.Throws<FormatException>(() => DraftStates.Parse(null));
    }
}
