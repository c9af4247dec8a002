using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace SalesCoachBot.Storage.Tests;

/// <summary>
/// What counts as the store being unavailable ("I couldn't save that now") and what does not. Issue 15's attack run:
/// a Teams connector that accepts and never answers was taken for a store fault (the socket's IOException inside the
/// HttpClient timeout), so the bot tried to apologise through the same silent connector and the turn took twice the
/// connector timeout.
/// </summary>
public sealed class StoreFaultsTests
{
    [Fact]
    public async Task The_timeout_of_an_HTTP_call_to_something_else_than_the_store_is_not_a_store_fault()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        var failure = await Record.ExceptionAsync(() => http.GetAsync(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/v3/conversations")));

        Assert.IsType<TaskCanceledException>(failure);
        Assert.False(StoreFaults.IsUnavailable(failure));
    }

    [Fact]
    public async Task A_refused_connection_to_something_else_than_the_store_is_not_a_store_fault()
    {
        int port;
        using (var closed = new TcpListener(IPAddress.Loopback, 0))
        {
            closed.Start();
            port = ((IPEndPoint)closed.LocalEndpoint).Port;
        }

        using var http = new HttpClient();

        var failure = await Record.ExceptionAsync(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/")));

        Assert.IsType<HttpRequestException>(failure);
        Assert.False(StoreFaults.IsUnavailable(failure));
    }

    [Theory]
    [InlineData(5, true)] // SQLITE_BUSY
    [InlineData(8, true)] // SQLITE_READONLY
    [InlineData(13, true)] // SQLITE_FULL
    [InlineData(1, false)] // SQLITE_ERROR: a bug, not a fault of the store
    [InlineData(19, false)] // SQLITE_CONSTRAINT
    public void SQLite_faults_of_the_file_are_store_faults_and_its_errors_are_not(int code, bool unavailable) =>
        Assert.Equal(unavailable, StoreFaults.IsUnavailable(new SqliteException("sqlite said no", code)));

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_store_fault() =>
        Assert.True(StoreFaults.IsUnavailable(new UnauthorizedAccessException("Access to the path is denied.")));
}
