using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Insights;

/// <summary>Builds a deal's life through the real deal rules, one dated step at a time, for the insight examples.</summary>
internal sealed class DealStory
{
    public static readonly SalesProcess TheProcess = ProcessLoader.LoadDefault();
    public static readonly SellingModel Consultative = TheProcess.FindModel("consultative")!;
    public static readonly OwnerKey Dana = new("tenant-1", "dana");
    private static int _next;

    private Deal _deal;

    private DealStory(Deal deal) => _deal = deal;

    public static DateTimeOffset At(int month, int day, int hour = 9, int year = 2026) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public static DealStory Created(DateTimeOffset at, decimal? amount = null, string currency = "USD", string? name = null) =>
        new(DealRules.Create(Dana, name ?? $"Deal {Interlocked.Increment(ref _next)}", amount is { } a ? new Money(a, currency) : null, Consultative, at, Actor()).Deal!);

    public DealStory MovedTo(string stageId, DateTimeOffset at, params string[] unconfirmed)
    {
        _deal = DealRules.MoveTo(_deal, Consultative, Consultative.GetStage(stageId)!, at, Actor(), unconfirmed.Length == 0 ? null : unconfirmed).Deal!;
        return this;
    }

    public DealStory Won(DateTimeOffset at) => Closed(true, at);

    public DealStory Lost(DateTimeOffset at) => Closed(false, at);

    public DealStory Reopened(DateTimeOffset at)
    {
        _deal = DealRules.Reopen(_deal, Consultative, at, Actor()).Deal!;
        return this;
    }

    public DealStory Did(ActivityKind kind, DateOnly date)
    {
        _deal = _deal with { Activities = [.. _deal.Activities, new DealActivity(kind, date, null, date.ToDateTime(TimeOnly.MinValue), "Dana")] };
        return this;
    }

    public DealStory Closing(DateOnly? date)
    {
        _deal = _deal with { ExpectedClose = date };
        return this;
    }

    public DealStory NextStep(string text, DateOnly? due, DateTimeOffset setAt)
    {
        _deal = _deal with { NextStep = new Core.Deals.NextStep(text, due, setAt) };
        return this;
    }

    /// <summary>A next step set through the deal rules, so the deal's next-step history records it.</summary>
    public DealStory StepSet(DateOnly? due, DateTimeOffset at)
    {
        _deal = DealRules.SetNextStep(_deal, "follow up", due, DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1), at, Actor()).Deal!;
        return this;
    }

    /// <summary>An activity logged through the deal rules at <paramref name="at"/>, done on <paramref name="date"/>.</summary>
    public DealStory Logged(ActivityKind kind, DateOnly date, DateTimeOffset at)
    {
        _deal = DealRules.LogActivity(_deal, kind, date, null, date.AddDays(1), at, Actor()).Deal!;
        return this;
    }

    public DealStory With(Func<Deal, Deal> change)
    {
        _deal = change(_deal);
        return this;
    }

    public Deal Deal => _deal;

    public static implicit operator Deal(DealStory story) => story._deal;

    private DealStory Closed(bool won, DateTimeOffset at)
    {
        _deal = DealRules.Close(_deal, Consultative, won, won ? null : "price", at, Actor()).Deal!;
        return this;
    }

    private static Actor Actor() => new("Dana", $"a{Interlocked.Increment(ref _next)}");
}
