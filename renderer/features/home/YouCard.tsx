import { useState } from 'react'
import { PERSON_COLOURS } from '../../../shared/session'
import { useApp } from '../../app/context'
import { Dialog } from '../../ui'
import { useT } from '../../i18n'

/** The colours' names, for screen readers, in the order of PERSON_COLOURS. */
const COLOUR_NAMES = [
  { id: 'colour.teal', defaultMessage: 'Teal' },
  { id: 'colour.rose', defaultMessage: 'Rose' },
  { id: 'colour.moss', defaultMessage: 'Moss' },
  { id: 'colour.amber', defaultMessage: 'Amber' },
  { id: 'colour.violet', defaultMessage: 'Violet' },
  { id: 'colour.jade', defaultMessage: 'Jade' },
  { id: 'colour.rust', defaultMessage: 'Rust' },
  { id: 'colour.indigo', defaultMessage: 'Indigo' },
] as const

/** This person's name and colour, kept in local settings and used in every convening. */
export function YouCard() {
  const app = useApp()
  const t = useT()
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
        {app.identity.name || t({ id: 'home.you.setName', defaultMessage: 'Set your name' })}
      </button>
      <Dialog title={t({ id: 'home.you.title', defaultMessage: 'About you' })} open={open} onClose={() => setOpen(false)}>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault()
            void app.saveIdentity({ ...app.identity, name: name.trim(), colour }).then(() => setOpen(false))
          }}
        >
          <label className="field" htmlFor="you-name">
            <span>{t({ id: 'home.you.name', defaultMessage: 'Your name' })}</span>
            <input id="you-name" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
          </label>
          <fieldset className="field">
            <legend>{t({ id: 'home.you.colour', defaultMessage: 'Your colour' })}</legend>
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
                  <span className="sr-only">{t(COLOUR_NAMES[index])}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <p className="muted small">
            {t({ id: 'home.you.privacy', defaultMessage: 'Kept on this computer only. Others see your name and colour while you are in a convening.' })}
          </p>
          <div className="row end">
            <button type="submit" className="button primary">
              {t({ id: 'common.save', defaultMessage: 'Save' })}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
