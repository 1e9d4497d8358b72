import { useState } from 'react'
import { PERSON_COLOURS, PERSON_COLOUR_NAMES } from '../../../shared/session'
import { useApp } from '../../app/context'
import { Dialog } from '../../ui/Dialog'

/** This person's name and colour, kept in local settings and used in every convening. */
export function YouCard() {
  const app = useApp()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(app.identity.name)
  const [colour, setColour] = useState(app.identity.colour)
  return (
    <>
      <button
        type="button"
        className="you-button"
        onClick={() => {
          setName(app.identity.name)
          setColour(app.identity.colour)
          setOpen(true)
        }}
      >
        <span className="swatch" style={{ background: app.identity.colour }} aria-hidden="true" />
        {app.identity.name || 'Set your name'}
      </button>
      <Dialog title="About you" open={open} onClose={() => setOpen(false)}>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault()
            void app.saveIdentity({ ...app.identity, name: name.trim(), colour }).then(() => setOpen(false))
          }}
        >
          <label className="field" htmlFor="you-name">
            <span>Your name</span>
            <input id="you-name" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
          </label>
          <fieldset className="field">
            <legend>Your colour</legend>
            <div className="row wrap">
              {PERSON_COLOURS.map((option, index) => (
                <label key={option} className="colour-option">
                  <input
                    type="radio"
                    name="colour"
                    value={option}
                    checked={colour === option}
                    onChange={() => setColour(option)}
                  />
                  <span className="swatch large" style={{ background: option }} />
                  <span className="sr-only">{PERSON_COLOUR_NAMES[index]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="muted small">Kept on this computer only. Others see your name and colour while you are in a convening.</p>
          <div className="row end">
            <button type="submit" className="button primary">
              Save
            </button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
