import { TestBed } from '@angular/core/testing';
import { Subject, Subscription } from 'rxjs';
import { SessionChannel, SessionMessage } from './session-channel';
import { UserActivity } from './user-activity';

describe('UserActivity', () => {
  let fromOtherTabs: Subject<SessionMessage>;
  let posted: SessionMessage[];
  let activity: UserActivity;
  let subscription: Subscription;

  beforeEach(() => {
    fromOtherTabs = new Subject();
    posted = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: SessionChannel,
          useValue: { messages: fromOtherTabs, post: (m: SessionMessage) => posted.push(m) },
        },
      ],
    });
    activity = TestBed.inject(UserActivity);
    subscription = new Subscription();
  });
  afterEach(() => subscription.unsubscribe());

  it('hears the keyboard, the pointer and the tab coming to the front, not the tab going away', () => {
    const visibilityState = spyOnProperty(document, 'visibilityState');
    const visibility = (state: DocumentVisibilityState) => {
      visibilityState.and.returnValue(state);
      document.dispatchEvent(new Event('visibilitychange'));
    };
    const heard = jasmine.createSpy('heard');
    subscription.add(activity.here.subscribe(heard));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    document.dispatchEvent(new PointerEvent('pointerdown'));
    document.dispatchEvent(new WheelEvent('wheel'));
    expect(heard).toHaveBeenCalledTimes(3);
    visibility('hidden');
    expect(heard).toHaveBeenCalledTimes(3);
    visibility('visible');
    expect(heard).toHaveBeenCalledTimes(4);
  });

  it('hears nothing once no one listens', () => {
    const heard = jasmine.createSpy('heard');
    activity.here.subscribe(heard).unsubscribe();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(heard).not.toHaveBeenCalled();
  });

  it('hears the other tabs’ activity, and nothing else they say', () => {
    const heard: number[] = [];
    subscription.add(activity.elsewhere.subscribe((at) => heard.push(at)));
    fromOtherTabs.next({ kind: 'tab-hello', tabId: 't' });
    fromOtherTabs.next({ kind: 'activity', at: 1234 });
    fromOtherTabs.next({ kind: 'signed-out', reason: 'user' });
    expect(heard).toEqual([1234]);
  });

  it('tells the other tabs at most every 5 s, unless asked to tell them now', () => {
    activity.share(10_000, false);
    activity.share(14_999, false);
    activity.share(15_000, false);
    activity.share(15_001, true);
    expect(posted).toEqual([
      { kind: 'activity', at: 10_000 },
      { kind: 'activity', at: 15_000 },
      { kind: 'activity', at: 15_001 },
    ]);
  });
});
