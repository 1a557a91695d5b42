/**
 * The mock's clock and the durations and relative times data files write: parsing (with the
 * messages a bad value gets), the manual clock (still until moved), the real clock shifted by a
 * test, and waits that end when the clock reaches them. The machine's time and timers are injected:
 * nothing here waits.
 */
import { describe, expect, it } from "vitest";
import { formatDuration, isRelativeTime, parseDuration, parseRelativeTime } from "../../mock/src/clock/duration.js";
import { clockControl, parseClockRequest } from "../../mock/src/clock/control.js";
import { ClockError, MockClock, type ClockEnvironment } from "../../mock/src/clock/mock-clock.js";

const T0 = Date.parse("2024-07-08T02:00:00Z");

/** A machine whose time only moves when the test says, with timers that fire as it moves. */
function fakeMachine(start = T0): ClockEnvironment & { tick(ms: number): void } {
  let now = start;
  let timers: Array<{ due: number; callback: () => void }> = [];
  return {
    realNow: () => now,
    setTimer(ms, callback) {
      const timer = { due: now + ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    tick(ms) {
      now += ms;
      const due = timers.filter((t) => t.due <= now);
      timers = timers.filter((t) => t.due > now);
      for (const t of due) t.callback();
    },
  };
}

describe("durations", () => {
  it.each([
    ["0s", 0],
    ["30s", 30_000],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["1d", 86_400_000],
    ["250ms", 250],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["90s", 90_000],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(["", "30", "s", "-5s", "5 s", "5x", "1h-30m", "1e3s", "now"])("'%s' is refused, naming the value and the form", (text) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(new RegExp(`'${text}' is not a duration; write a number and a unit \\(ms, s, m, h, d\\)`));
  });

  it("formats back to a text that parses to the same milliseconds", () => {
    for (const ms of [0, 1, 999, 1000, 90_000, 5_400_000, 86_400_000 + 61_001]) expect(parseDuration(formatDuration(ms))).toEqual({ ok: true, value: ms });
    expect(formatDuration(90_000)).toBe("1m30s");
  });
});

describe("times relative to now", () => {
  it("now, now-2h, now+30s, now-1d12h against the given instant", () => {
    expect(parseRelativeTime("now", T0)).toEqual({ ok: true, value: T0 });
    expect(parseRelativeTime("now-2h", T0)).toEqual({ ok: true, value: T0 - 7_200_000 });
    expect(parseRelativeTime("now+30s", T0)).toEqual({ ok: true, value: T0 + 30_000 });
    expect(parseRelativeTime("now-1d12h", T0)).toEqual({ ok: true, value: T0 - 129_600_000 });
  });

  it("a malformed one says what is wrong with it", () => {
    const parsed = parseRelativeTime("now-2hours", T0);
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining("'now-2hours' is not a time relative to now: '2hours' is not a duration") });
    expect(parseRelativeTime("yesterday", T0)).toMatchObject({ ok: false, message: expect.stringContaining('write "now", "now-2h" or "now+30s"') });
  });

  it("only texts that start as now are read as relative times", () => {
    expect(["now", "now-2h", "now+", "now-x"].map(isRelativeTime)).toEqual([true, true, true, true]);
    expect(["2024-07-08T02:00:00Z", "nowhere", "Now"].map(isRelativeTime)).toEqual([false, false, false]);
  });
});

describe("the manual clock", () => {
  it("starts at the real time of start and stands still until moved", () => {
    const machine = fakeMachine();
    const clock = MockClock.from("manual", machine);
    expect(clock.now()).toBe(T0);
    machine.tick(60_000);
    expect(clock.now()).toBe(T0);
    expect(clock.advance("90s")).toBe(T0 + 90_000);
    expect(clock.set("2024-07-09T00:00:00Z")).toBe(Date.parse("2024-07-09T00:00:00Z"));
    expect(clock.set(new Date(T0 - 1000))).toBe(T0 - 1000);
    expect(clock.reset()).toBe(T0);
  });

  it("starts at a given instant", () => {
    expect(MockClock.from("2020-01-01T00:00:00Z", fakeMachine()).now()).toBe(Date.parse("2020-01-01T00:00:00Z"));
    expect(MockClock.from(new Date(5_000), fakeMachine()).mode).toBe("manual");
  });

  it("ends a wait when advanced to it, not before, and not on the machine's time", async () => {
    const machine = fakeMachine();
    const clock = MockClock.from("manual", machine);
    const ended: string[] = [];
    clock.after(3000, () => ended.push("3s"));
    clock.after(1000, () => ended.push("1s"));
    const cancel = clock.after(2000, () => ended.push("cancelled"));
    cancel();
    machine.tick(10_000);
    expect(ended).toEqual([]);
    clock.advance("999ms");
    expect(ended).toEqual([]);
    clock.advance("1s");
    expect(ended).toEqual(["1s"]);
    clock.advance("5s");
    expect(ended).toEqual(["1s", "3s"]);
    expect(clock.pending).toBe(0);
  });

  it("refuses a backward advance and an unreadable time, naming the value", () => {
    const clock = MockClock.from("manual", fakeMachine());
    expect(() => clock.advance(-5)).toThrow(ClockError);
    expect(() => clock.advance("soon")).toThrow(/advance: 'soon' is not a duration/);
    expect(() => clock.set("yesterday")).toThrow(/must be an ISO 8601 date-time such as 2024-07-08T02:00:00Z \(got "yesterday"\)/);
    expect(() => MockClock.from("fast", fakeMachine())).toThrow(/clock must be an ISO 8601 date-time/);
    expect(clock.now()).toBe(T0);
  });
});

describe("the real clock", () => {
  it("follows the machine's time, shifted by advance and set", () => {
    const machine = fakeMachine();
    const clock = MockClock.from(undefined, machine);
    expect(clock.mode).toBe("real");
    machine.tick(5000);
    expect(clock.now()).toBe(T0 + 5000);
    clock.advance("1h");
    machine.tick(1000);
    expect(clock.now()).toBe(T0 + 6000 + 3_600_000);
    clock.set("2030-01-01T00:00:00Z");
    machine.tick(1000);
    expect(clock.now()).toBe(Date.parse("2030-01-01T00:00:01Z"));
    clock.reset();
    expect(clock.now()).toBe(T0 + 7000);
  });

  it("ends a wait on the machine's timer, or earlier when a test advances past it", () => {
    const machine = fakeMachine();
    const clock = MockClock.from("real", machine);
    const ended: string[] = [];
    clock.after(1000, () => ended.push("timer"));
    clock.after(60_000, () => ended.push("advanced"));
    machine.tick(1000);
    expect(ended).toEqual(["timer"]);
    clock.advance("1m");
    expect(ended).toEqual(["timer", "advanced"]);
    machine.tick(60_000);
    expect(ended).toEqual(["timer", "advanced"]);
  });
});

describe("the clock's controls", () => {
  it("mock.clock gives and takes Dates", () => {
    const clock = MockClock.from("manual", fakeMachine());
    const control = clockControl(clock);
    expect(control.mode).toBe("manual");
    expect(control.now()).toEqual(new Date(T0));
    expect(control.advance("90s")).toEqual(new Date(T0 + 90_000));
    expect(control.set(new Date("2030-01-01T00:00:00Z"))).toEqual(new Date("2030-01-01T00:00:00Z"));
    expect(control.reset()).toEqual(new Date(T0));
  });

  it("POST /_mock/clock's body: advance or set", () => {
    const clock = MockClock.from("manual", fakeMachine());
    const advance = parseClockRequest({ advance: "90s" });
    expect(advance.ok && advance.apply(clock)).toBe(T0 + 90_000);
    const set = parseClockRequest({ set: "2024-07-09T00:00:00Z" });
    expect(set.ok && set.apply(clock)).toBe(Date.parse("2024-07-09T00:00:00Z"));
  });

  it.each<[unknown, RegExp]>([
    [[], /The body must be a JSON object with "advance" \(a duration such as "90s"\) or "set"/],
    [{}, /one of them, not neither/],
    [{ advance: "1s", set: "2024-07-09T00:00:00Z" }, /one of them, not both/],
    [{ advance: "soon" }, /advance: 'soon' is not a duration/],
    [{ advance: 90 }, /advance takes a duration such as "90s" \(got 90\)/],
    [{ set: "tomorrow" }, /set must be an ISO 8601 date-time such as 2024-07-08T02:00:00Z \(got "tomorrow"\)/],
    [{ set: 5 }, /set takes an ISO 8601 date-time/],
    [{ advance: "1s", by: 2 }, /Unknown member 'by'/],
  ])("a body it cannot apply is refused, naming the value: %j", (body, message) => {
    const parsed = parseClockRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
