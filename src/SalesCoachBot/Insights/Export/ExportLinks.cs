using Microsoft.AspNetCore.DataProtection;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Insights.Charts;

namespace SalesCoachBot.Insights.Export;

/// <summary>What a download link is bound to: the tenant, the user who asked, and what they asked to export.</summary>
public sealed record ExportLinkPayload(string TenantId, string UserId, ExportScope Scope);

/// <summary>
/// Download links for exports: signed and sealed (<see cref="SignedLinkCodec"/>), working for <see cref="Lifetime"/>.
/// The link names no deal and no figure: the endpoint recomputes the file from the store when it is opened, for the
/// user and tenant sealed in it, so a link shows only what its owner may see, and only what the store holds then.
/// </summary>
public sealed class ExportLinks
{
    public const string RoutePrefix = "/export/";
    public const string RouteTemplate = RoutePrefix + "{token}.csv";

    /// <summary>How long a download link works: long enough to click it, short enough that a forwarded link soon dies.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly SignedLinkCodec _codec;
    private readonly PublicLinkBase _address;

    public ExportLinks(IDataProtectionProvider protection, TimeProvider time, PublicLinkBase address)
    {
        _codec = new SignedLinkCodec(protection, time, "export");
        _address = address;
    }

    public Uri For(OwnerKey user, ExportScope scope)
    {
        var path = RoutePrefix + _codec.Seal(new ExportLinkPayload(user.TenantId, user.UserId, scope), Lifetime) + ".csv";
        // Outside a request and with no public address configured (never the case for a typed "export"), the local default.
        return new Uri(_address.Current ?? new Uri("http://localhost:3978"), path);
    }

    public OpenedLink<ExportLinkPayload> Open(string token) => _codec.Open<ExportLinkPayload>(token);
}
