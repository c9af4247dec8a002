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

    public static string ScheduleId(ScheduleKind kind, string targetId) => Join(ScheduleKindName(kind), targetId);

    /// <summary>The kind as stored in the entry (camel case, as the serializer writes enums), also its id's prefix.</summary>
    public static string ScheduleKindName(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Deal => "deal",
        ScheduleKind.Digest => "digest",
        _ => "summary",
    };

    private static string Join(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    // Ids travel in request URLs and may not hold / \ ? #: anything beyond a safe set (letters, digits, - _ . : @)
    // is written as ~ and two hex digits per UTF-8 byte. '~' and the separator are outside the set, so joins stay unambiguous.
    private static string Escape(string part)
    {
        ArgumentException.ThrowIfNullOrEmpty(part);
        var builder = new StringBuilder(part.Length);
        foreach (var b in Encoding.UTF8.GetBytes(part))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
