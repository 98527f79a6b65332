/**
 * The settings as last read from or saved to the core, shared by every
 * part of the UI that needs them (the settings page, the language toggle,
 * the dashboard greeting).
 */
import { getSettings, saveSettings, toApiError, type ApiError, type Settings } from "../api";

type Status = "idle" | "loading" | "ready" | "error";

const state = $state<{ saved: Settings | null; status: Status; error: ApiError | null }>({
  saved: null,
  status: "idle",
  error: null,
});

export const settingsStore = {
  /** The saved settings, or null until they are first read. */
  get saved(): Settings | null {
    return state.saved;
  },
  get status(): Status {
    return state.status;
  },
  /** Why the last read failed, if it did. */
  get error(): ApiError | null {
    return state.error;
  },

  /** Reads the settings from the core. Resolves with them, or null after a failure (see `error`). */
  async load(): Promise<Settings | null> {
    state.status = "loading";
    try {
      const settings = await getSettings();
      state.saved = settings;
      state.status = "ready";
      state.error = null;
      return settings;
    } catch (error) {
      state.status = "error";
      state.error = toApiError(error);
      return null;
    }
  },

  /** Saves `next`; resolves with the value as the core stored it, rejects with an ApiError. */
  async save(next: Settings): Promise<Settings> {
    const saved = await saveSettings($state.snapshot(next));
    state.saved = saved;
    state.status = "ready";
    state.error = null;
    return saved;
  },
};
