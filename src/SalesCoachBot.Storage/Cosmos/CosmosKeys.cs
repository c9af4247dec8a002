using System.Globalization;
using System.Text;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// Document ids and partition key values. Every id starts with the tenant, and the parts are escaped, so two tenants
/// (or a tenant and a crafted user id) can never produce the same id or partition key.
/// </summary>
internal static class CosmosKeys
{
    private const char Separator = '|';

    /// <summary>Deals of one rep share a partition: a turn reads and writes only there.</summary>
    public static string DealPartition(OwnerKey owner) => Join(owner.TenantId, owner.UserId);

    public static string DealId(OwnerKey owner, string dealId) => Join(owner.TenantId, owner.UserId, dealId);

    public static string UserId(OwnerKey user) => Join(user.TenantId, user.UserId);

    public static string ActivityId(string tenantId, string activityId) => Join(tenantId, activityId);

    public static string ScheduleId(ScheduleKind kind, string targetId) => Join(kind == ScheduleKind.Deal ? "deal" : "digest", targetId);

    private static string Join(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    // Cosmos ids may not hold / \ ? #; the separator and the escape character are escaped too, so joins are unambiguous.
    private static string Escape(string part)
    {
        ArgumentException.ThrowIfNullOrEmpty(part);
        var builder = new StringBuilder(part.Length);
        foreach (var c in part)
        {
            if (c is '%' or '/' or '\\' or '?' or '#' or Separator || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
